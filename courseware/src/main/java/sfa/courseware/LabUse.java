package sfa.courseware;

import java.util.List;

/** A catalogue lab a unit uses, and the lab's I/O names the unit is about. */
public record LabUse(String lab, List<String> focus) {

    public LabUse {
        focus = List.copyOf(focus);
    }
}
