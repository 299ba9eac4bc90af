package sfa.backend.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the texts its scripts show ({@code js.*} in the message bundles), in the page's language, as
 * {@code scriptTexts}: a JSON object the layout puts on {@code <body data-texts>} (an attribute may not call a
 * bean), read by {@code t(key)} in {@code api.js}.
 */
@ControllerAdvice(annotations = Controller.class)
class ScriptTexts {

    private static final String PREFIX = "js.";

    private final MessageSource messages;
    /** The bundles do not change while the platform runs: each language's texts are made once. */
    private final Map<Locale, String> made = new ConcurrentHashMap<>();
    private final Set<String> keys;

    ScriptTexts(MessageSource messages) {
        this.messages = messages;
        Properties korean = new Properties();
        try (var in = new InputStreamReader(ScriptTexts.class.getResourceAsStream("/messages.properties"),
                StandardCharsets.UTF_8)) {
            korean.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the English bundle has the same keys (MessageBundlesTests)
        this.keys = korean.stringPropertyNames();
    }

    @ModelAttribute("scriptTexts")
    String scriptTexts() {
        return made.computeIfAbsent(LocaleContextHolder.getLocale(), locale -> {
            Map<String, String> out = new TreeMap<>();
            for (String key : keys) {
                if (key.startsWith(PREFIX)) {
                    out.put(key.substring(PREFIX.length()), messages.getMessage(key, null, key, locale));
                }
            }
            return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(out);
        });
    }
}
