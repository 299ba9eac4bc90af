package sfa.backend.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import sfa.courseware.Text;

/** Picks the language of a content text for the page being rendered: {@code ${@texts.of(unit.title)}}. */
@Component("texts")
public class Texts {

    private final org.springframework.context.MessageSource messages;

    Texts(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The messages of the keys starting with {@code prefix} in the page's language, as a JSON object for a page's
     * scripts ({@code <body data-texts>}, see {@link ScriptTexts}), so the texts scripts show come from the
     * bundles too.
     */
    public String forScripts() {
        return scripts.computeIfAbsent(LocaleContextHolder.getLocale(), l -> json("js."));
    }

    /** The bundles do not change while the platform runs: each language's script texts are made once. */
    private final java.util.Map<java.util.Locale, String> scripts = new java.util.concurrent.ConcurrentHashMap<>();

    private String json(String prefix) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String key : KEYS.get()) {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), messages.getMessage(key, null, key, locale));
            }
        }
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(out);
    }

    /** The keys of the Korean bundle (the English one has the same: a test checks). */
    private static final java.util.function.Supplier<java.util.Set<String>> KEYS = new java.util.function.Supplier<>() {
        private volatile java.util.Set<String> keys;

        @Override
        public java.util.Set<String> get() {
            if (keys == null) {
                java.util.Properties p = new java.util.Properties();
                try (var in = new java.io.InputStreamReader(Texts.class.getResourceAsStream("/messages.properties"),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    p.load(in);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                keys = p.stringPropertyNames();
            }
            return keys;
        }
    };

    public String of(Text text) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        String chosen = english ? text.en() : text.ko();
        return chosen == null || chosen.isBlank() ? (english ? text.ko() : text.en()) : chosen;
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Seoul"));

    /** A moment as a Korean school reads it ("11-25 14:05", Korea time), or "–". */
    public String when(java.time.@org.jspecify.annotations.Nullable Instant at) {
        return at == null ? "–" : WHEN.format(at);
    }

    /** "ko" or "en": the language a lesson file is read in. */
    public String language() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "en" : "ko";
    }
}
