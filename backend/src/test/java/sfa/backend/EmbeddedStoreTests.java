package sfa.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

class EmbeddedStoreTests {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SmartFactoryAcademy.class).web(WebApplicationType.NONE)
                .properties("sfa.data-dir=" + data).run();
    }

    @Test
    void withNoMongoUriASchoolKeepsItsDataAcrossARestart() {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(MongoTemplate.class).insert(new Document("school", "gumi-electronic"), "probe");
        }
        try (ConfigurableApplicationContext second = start()) {
            Document found = second.getBean(MongoTemplate.class).findAll(Document.class, "probe").getFirst();
            assertThat(found.getString("school")).isEqualTo("gumi-electronic");
        }
    }
}
