package sfa.backend.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sfa.courseware.LabUse;
import sfa.courseware.Text;
import sfa.courseware.Unit;

/** A unit as a student sees it: what it is about, its lessons, its quiz without answers and its labs. */
public record UnitView(String id, int version, Text title, Text summary, Text track, List<Integer> grades, int hours,
        List<String> ncs, Text competency, List<String> prerequisites, List<LessonRef> lessons,
        @Nullable QuizView quiz, List<LabUse> labs) {

    public record LessonRef(String id, Text title) {
    }

    public static UnitView of(UnitContent c) {
        Unit u = c.unit();
        return new UnitView(u.id(), c.version(), u.title(), u.summary(), u.track().label(), u.grades(), u.hours(), u.ncs(),
                u.competency(), u.prerequisites(), u.lessons().stream().map(l -> new LessonRef(l.id(), l.title())).toList(),
                u.quiz() == null ? null : QuizView.of(u.quiz()), u.labs());
    }
}
