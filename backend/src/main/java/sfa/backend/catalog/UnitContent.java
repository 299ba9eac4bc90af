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

    /** The unit's notes on one of its labs, in both languages (empty when it has none). */
    public sfa.courseware.Text labNotes(sfa.courseware.LabUse lab) {
        return new sfa.courseware.Text(file(lab.notesKo()), file(lab.notesEn()));
    }

    private String file(java.nio.file.@org.jspecify.annotations.Nullable Path path) {
        if (path == null) {
            return "";
        }
        return files.getOrDefault(UnitFiles.key(unit.folder().relativize(path).toString().replace('\\', '/')), "");
    }

    /**
     * The unit file an address written in a lesson points to ({@code img/a.svg} in {@code lessons/01-x.ko.md} is
     * {@code lessons/img/a.svg}), or empty when it leaves the unit's folder.
     */
    public Optional<String> fileBeside(String lessonId, String address) {
        return lesson(lessonId).flatMap(l -> {
            java.nio.file.Path folder = unit.folder();
            java.nio.file.Path target = l.ko().getParent().resolve(address).normalize();
            return target.startsWith(folder) ? Optional.of(folder.relativize(target).toString().replace('\\', '/'))
                    : Optional.empty();
        });
    }

    /** Where a page fetches an image a lesson shows by its relative address; an address leaving the unit fetches nothing. */
    public String imageUrl(String lessonId, String address) {
        return fileBeside(lessonId, address).map(path -> UnitImages.address(unit.id(), version, path)).orElse("");
    }

    /** The text of one of the unit's files by its path in the folder, or empty. */
    public Optional<String> fileText(String path) {
        return Optional.ofNullable(files.get(UnitFiles.key(path)));
    }

    public Optional<Lesson> lesson(String lessonId) {
        return unit.lessons().stream().filter(l -> l.id().equals(lessonId)).findFirst();
    }
}
