package sfa.backend.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import sfa.lab.scenario.Catalog;
import sfa.courseware.Text;
import sfa.courseware.Unit;

/** A unit as a student sees it: what it is about, its lessons, its quiz without answers and its labs. */
public record UnitView(String id, int version, Text title, Text summary, Text track, List<Integer> grades, int hours,
        List<String> ncs, Text competency, List<String> prerequisites, List<LessonRef> lessons,
        @Nullable QuizView quiz, List<LabView> labs) {

    public record LessonRef(String id, Text title) {
    }

    /**
     * A lab of the unit: the catalogue's title and instructions, the I/O names the unit is about, and
     * the unit's own notes on it (Markdown; empty when it has none).
     */
    public record LabView(String lab, Text title, Text instructions, List<String> focus, Text notes) {
    }

    public static UnitView of(UnitContent c, Catalog catalog) {
        Unit u = c.unit();
        List<LabView> labs = u.labs().stream().map(l -> {
            var spec = catalog.get(l.lab()).spec();
            return new LabView(l.lab(), new Text(spec.titleKo(), spec.titleEn()),
                    new Text(spec.instructionsKo(), spec.instructionsEn()), l.focus(), c.labNotes(l));
        }).toList();
        return new UnitView(u.id(), c.version(), u.title(), u.summary(), u.track().label(), u.grades(), u.hours(), u.ncs(),
                u.competency(), u.prerequisites(), u.lessons().stream().map(l -> new LessonRef(l.id(), l.title())).toList(),
                u.quiz() == null ? null : QuizView.of(u.quiz()), labs);
    }
}
