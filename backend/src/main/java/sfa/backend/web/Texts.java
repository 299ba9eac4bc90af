package sfa.backend.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import sfa.courseware.Text;

/** Picks the language of a content text for the page being rendered: {@code ${@texts.of(unit.title)}}. */
@Component("texts")
public class Texts {

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
