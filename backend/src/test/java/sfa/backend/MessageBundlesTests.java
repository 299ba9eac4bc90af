package sfa.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the pages is in Korean and in English: the two message bundles have the same keys. */
class MessageBundlesTests {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void theKoreanAndEnglishBundlesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties ko = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");

        assertThat(en.stringPropertyNames()).as("keys").containsExactlyInAnyOrderElementsOf(ko.stringPropertyNames());
        assertThat(ko.values()).as("Korean texts").noneMatch(v -> v.toString().isBlank());
        assertThat(en.values()).as("English texts").noneMatch(v -> v.toString().isBlank());
    }
}
