package sfa.courseware;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue lab a unit uses, the lab's I/O names the unit is about, and optionally the unit's own
 * notes on the lab (Markdown, Korean and English) that a teacher writes for their class, shown above the
 * catalogue's instructions.
 */
public record LabUse(String lab, List<String> focus, @Nullable Path notesKo, @Nullable Path notesEn) {

    public LabUse {
        focus = List.copyOf(focus);
    }

    public LabUse(String lab, List<String> focus) {
        this(lab, focus, null, null);
    }
}
