package sfa.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A school's own MongoDB, given the way the install guide says, is the one the platform writes to. */
class ConfiguredStoreTests {

    static final MongoServer SCHOOLS_MONGODB = new MongoServer(H2Backend.inMemory());

    @AfterAll
    static void stop() {
        SCHOOLS_MONGODB.shutdown();
    }

    @Test
    void springDataMongodbUriPointsThePlatformAtTheSchoolsOwnMongoDb() {
        String uri = "mongodb://" + hostPort(SCHOOLS_MONGODB.bind()) + "/sfa-school";
        SpringApplication app = new SpringApplication(SmartFactoryAcademy.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ctx = app.run("--spring.data.mongodb.uri=" + uri, "--sfa.opcua.enabled=false")) {
            ctx.getBean(MongoTemplate.class).insert(new Document("probe", "written by the platform"), "probes");
        }

        try (var client = MongoClients.create(uri)) {
            List<Document> found = client.getDatabase("sfa-school").getCollection("probes").find().into(new java.util.ArrayList<>());
            assertThat(found).extracting(d -> d.getString("probe")).containsExactly("written by the platform");
        }
    }

    static String hostPort(java.net.InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }
}
