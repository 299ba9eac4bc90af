package sfa.backend.catalog;

import sfa.backend.web.ApiProblem;
import sfa.courseware.Text;

/** A lesson's Markdown in one language, as the API gives it. */
public record LessonText(String id, Text title, String lang, String markdown) {

    /** The lesson of a version in {@code lang} ("ko" or "en"); a bad language or lesson is a clear problem. */
    public static LessonText of(UnitContent c, String lesson, String lang) {
        if (!lang.equals("ko") && !lang.equals("en")) {
            throw ApiProblem.badRequest("invalid-language", "lang is ko or en, not '" + lang + "'",
                    "lang은 ko 또는 en입니다 ('" + lang + "'이 아님)");
        }
        var l = c.lesson(lesson).orElseThrow(() -> ApiProblem.notFound("unit " + c.unit().id() + " has no lesson '"
                + lesson + "'", c.unit().id() + " 단원에 '" + lesson + "' 수업이 없습니다"));
        return new LessonText(l.id(), l.title(), lang, c.lessonText(lesson, lang).orElse(""));
    }
}
