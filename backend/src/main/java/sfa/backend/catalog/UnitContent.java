package sfa.backend.catalog;

import java.util.Map;
import java.util.Optional;
import sfa.courseware.Lesson;
import sfa.courseware.Unit;

/** One version of a unit, checked and parsed, with the text of its files (lessons are read from here). */
public record UnitContent(String school, Unit unit, int version, UnitVersion.Status status, boolean shipped,
        Map<String, String> files) {

    public UnitContent {
        files = Map.copyOf(files);
    }

    /** The Markdown of a lesson in {@code lang} ("ko" or "en"). */
    public Optional<String> lessonText(String lessonId, String lang) {
        return unit.lessons().stream().filter(l -> l.id().equals(lessonId)).findFirst().map(l -> {
            java.nio.file.Path file = lang.equals("en") ? l.en() : l.ko();
            String rel = unit.folder().relativize(file).toString().replace('\\', '/');
            return files.getOrDefault(UnitFiles.key(rel), "");
        });
    }

    public Optional<Lesson> lesson(String lessonId) {
        return unit.lessons().stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }
}
