package sfa.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Korean and English message bundles name the same keys, so no page falls back to a key or the other language. */
class MessageBundlesTests {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyKoreanMessageHasAnEnglishOneAndNoEnglishMessageIsWithoutAKoreanOne() throws IOException {
        Properties ko = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");

        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ko.stringPropertyNames());
        assertThat(ko.stringPropertyNames()).allSatisfy(k -> assertThat(ko.getProperty(k)).as(k).isNotBlank());
        assertThat(en.stringPropertyNames()).allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
    }
}
