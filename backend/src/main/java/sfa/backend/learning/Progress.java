package sfa.backend.learning;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import sfa.courseware.LabUse;
import sfa.courseware.Lesson;
import sfa.courseware.Unit;

/**
 * How far a student is in a unit, by the unit's completion rule: every lesson read, the quiz passed
 * (its pass mark), every lab passed. {@code percent} weighs the three parts by their number of steps.
 */
public record Progress(String unit, int version, int lessonsRead, int lessons, boolean quizPassed, double bestQuizPercent,
        boolean hasQuiz, int labsPassed, int labs, int percent, boolean completed, @Nullable Instant completedAt,
        @Nullable Instant lastActivity) {

    public static Progress of(Unit unit, int version, @Nullable Enrollment e) {
        List<String> read = e == null ? List.of() : e.lessonsRead();
        List<String> passed = e == null ? List.of() : e.labsPassed();
        int lessonsRead = (int) unit.lessons().stream().map(Lesson::id).filter(read::contains).count();
        int labsPassed = (int) unit.labs().stream().map(LabUse::lab).distinct().filter(passed::contains).count();
        int labs = (int) unit.labs().stream().map(LabUse::lab).distinct().count();
        boolean hasQuiz = unit.quiz() != null;
        boolean quiz = e != null && e.quizPassed();
        int steps = unit.lessons().size() + (hasQuiz ? 1 : 0) + labs;
        int done = lessonsRead + (hasQuiz && quiz ? 1 : 0) + labsPassed;
        boolean complete = done == steps;
        return new Progress(unit.id(), version, lessonsRead, unit.lessons().size(), quiz,
                e == null ? 0 : e.bestQuizPercent(), hasQuiz, labsPassed, labs, steps == 0 ? 0 : done * 100 / steps,
                complete && e != null, e == null ? null : e.completedAt(), e == null ? null : e.lastActivity());
    }
}
