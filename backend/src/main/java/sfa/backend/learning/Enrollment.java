package sfa.backend.learning;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One student in one unit: the version they started (kept even when a newer one is published), the
 * lessons read, quiz attempts, labs passed and when they completed it. All of a student's progress in a
 * unit is this one document, changed by single atomic updates. {@code labAttemptIds} holds the ids of the recent lab
 * attempts, so that a retried attempt is counted once; it is declared here so that the store's mapping knows the
 * path (undeclared, Spring Data threw and caught about seven exceptions per lab attempt resolving it).
 */
@Document("enrollments")
public record Enrollment(@Id String id, String school, String username, String displayName, String unit, int version,
        Instant startedAt, Instant lastActivity, List<String> lessonsRead, int quizAttemptCount, double bestQuizPercent,
        boolean quizPassed, List<QuizAttempt> quizAttempts, int labAttemptCount, List<String> labsPassed,
        @Nullable Instant completedAt, List<String> labAttemptIds) {

    public Enrollment {
        labAttemptIds = labAttemptIds == null ? List.of() : List.copyOf(labAttemptIds);
        lessonsRead = lessonsRead == null ? List.of() : List.copyOf(lessonsRead);
        quizAttempts = quizAttempts == null ? List.of() : List.copyOf(quizAttempts);
        labsPassed = labsPassed == null ? List.of() : List.copyOf(labsPassed);
    }

    static String id(String school, String username, String unit) {
        return school + "|" + username + "|" + unit;
    }

    /** One graded quiz attempt: the points of each item and the total. */
    public record QuizAttempt(String id, Instant at, double points, int maxPoints, double percent, boolean passed,
            List<ItemResult> items) {
    }

    public record ItemResult(String item, double points, int maxPoints) {
    }
}
