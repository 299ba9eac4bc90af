package sfa.courseware;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sfa.courseware.quiz.Quiz;

/**
 * A course unit: lessons, a quiz and labs on one subject, for one track and grade level. Its folder
 * under {@code courseware/units/} is named by its id.
 *
 * @param ncs NCS competency unit codes, only verified ones (often none); {@code competency} names it in words
 */
public record Unit(String id, int version, Text title, Text summary, Track track, List<Integer> grades, int hours,
        List<String> ncs, Text competency, List<String> prerequisites, List<Lesson> lessons, @Nullable Quiz quiz,
        List<LabUse> labs, Path folder) {

    public Unit {
        grades = List.copyOf(grades);
        ncs = List.copyOf(ncs);
        prerequisites = List.copyOf(prerequisites);
        lessons = List.copyOf(lessons);
        labs = List.copyOf(labs);
    }
}
