package sfa.backend.report;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One student and one unit they are expected to do (assigned to their class, or planned for it). */
public record CompletionRow(String school, String department, String classId, String className, int grade, String term,
        String username, String displayName, String unit, int version, int percent, int lessonsRead, int lessons,
        double bestQuizPercent, boolean quizPassed, int labsPassed, int labs, boolean completed,
        @Nullable Instant completedAt, @Nullable LocalDate due, int quizAttempts, int labAttempts,
        @Nullable Instant lastActivity) {

    /** Many tries without getting through: the quiz three times, or the labs five times, still not passed. */
    public boolean stuck() {
        return !completed && (quizAttempts >= 3 && !quizPassed || labAttempts >= 5 && labsPassed < labs);
    }
}
