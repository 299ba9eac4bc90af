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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page the texts its scripts show ({@code js.*} in the message bundles), in the page's language, as
 * {@code scriptTexts}: a JSON object the layout puts on {@code <body data-texts>} (an attribute may not call a
 * bean), read by {@code t(key)} in {@code api.js}. Added after the handler, to pages only: as a model attribute of every
 * controller it was also made for each API request, which renders no page (issue 16).
 */
@Component
class ScriptTexts implements HandlerInterceptor {

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

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && !page.wasCleared()) {
            page.addObject("scriptTexts", scriptTexts());
        }
    }

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
