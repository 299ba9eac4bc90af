package sfa.backend.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the platform relies on from its store, run against each store it supports: the embedded
 * MongoDB-wire server always, a real MongoDB where Docker is available. Every change is one atomic
 * document update, so concurrent requests never lose or double-count.
 */
abstract class EnrollmentStoreContract {

    abstract MongoTemplate mongo();

    Enrollments enrollments;

    @BeforeEach
    void emptyStore() {
        mongo().dropCollection(Enrollment.class);
        enrollments = new Enrollments(mongo());
    }

    static Enrollment.QuizAttempt attempt(double percent) {
        return new Enrollment.QuizAttempt(java.util.UUID.randomUUID().toString(), Instant.now(), percent, 100, percent,
                percent >= 60, List.of(new Enrollment.ItemResult("q1", percent, 100)));
    }

    static <T> List<T> concurrently(int threads, List<Callable<T>> work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                out.add(f.get());
            }
            return out;
        }
    }

    @Test
    void concurrentQuizAttemptsAreAllCountedAndTheBestScoreIsKept() throws Exception {
        Enrollment e = enrollments.start("gumi-electronic", "s1", "학생 1", "self-hold", 1);
        List<Callable<Enrollment>> work = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double percent = i % 97;
            work.add(() -> enrollments.quizAttempt(e.id(), attempt(percent)));
        }

        concurrently(8, work);

        Enrollment after = enrollments.find("gumi-electronic", "s1", "self-hold").orElseThrow();
        assertThat(after.quizAttemptCount()).isEqualTo(120);
        assertThat(after.bestQuizPercent()).isEqualTo(96.0);
        assertThat(after.quizPassed()).isTrue();
        assertThat(after.quizAttempts()).hasSize(Enrollments.KEPT_ATTEMPTS);
    }

    @Test
    void aStudentStartingAUnitTwiceAtOnceGetsOneEnrollmentAtTheVersionFirstStarted() throws Exception {
        List<Callable<Enrollment>> work = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            work.add(() -> enrollments.start("busan-mechanical", "s2", "학생 2", "self-hold", 1));
        }
        concurrently(8, work);

        Enrollment later = enrollments.start("busan-mechanical", "s2", "학생 2", "self-hold", 2);

        assertThat(later.version()).isEqualTo(1);
        assertThat(enrollments.of("busan-mechanical", "s2")).hasSize(1);
    }

    @Test
    void aLessonReadTwiceCountsOnceAndLabsPassedAreASet() throws Exception {
        Enrollment e = enrollments.start("jeonbuk-mechanical", "s3", "학생 3", "self-hold", 1);
        List<Callable<Enrollment>> work = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String attempt = "attempt-" + i;
            work.add(() -> enrollments.lessonRead(e.id(), "contacts"));
            work.add(() -> enrollments.labAttempt(e.id(), "conveyor-self-hold", true, attempt));
        }
        concurrently(6, work);

        Enrollment after = enrollments.find("jeonbuk-mechanical", "s3", "self-hold").orElseThrow();
        assertThat(after.lessonsRead()).containsExactly("contacts");
        assertThat(after.labsPassed()).containsExactly("conveyor-self-hold");
        assertThat(after.labAttemptCount()).isEqualTo(20);
    }

    @Test
    void theSameAttemptRecordedConcurrentlyAndAgainIsCountedOnce() throws Exception {
        Enrollment e = enrollments.start("jeonbuk-mechanical", "s5", "학생 5", "self-hold", 1);
        Enrollment.QuizAttempt quiz = new Enrollment.QuizAttempt("q-retried", Instant.parse("2026-11-25T01:00:00Z"), 5, 10,
                50, false, List.of());
        List<Callable<Enrollment>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            work.add(() -> enrollments.quizAttempt(e.id(), quiz));
            work.add(() -> enrollments.labAttempt(e.id(), "conveyor-self-hold", false, "lab-retried"));
        }
        concurrently(6, work);

        Enrollment after = enrollments.find("jeonbuk-mechanical", "s5", "self-hold").orElseThrow();
        assertThat(after.quizAttemptCount()).isEqualTo(1);
        assertThat(after.quizAttempts()).hasSize(1);
        assertThat(after.labAttemptCount()).isEqualTo(1);
    }

    @Test
    void completionKeepsItsFirstMoment() {
        Enrollment e = enrollments.start("jeonbuk-mechanical", "s4", "학생 4", "self-hold", 1);
        Instant first = Instant.parse("2026-11-25T01:00:00Z");

        enrollments.completed(e, first);
        Enrollment again = enrollments.completed(e, first.plusSeconds(3600));

        assertThat(again.completedAt()).isEqualTo(first);
    }

    @Test
    void oneSchoolsQueryNeverReturnsAnotherSchoolsEnrollments() {
        enrollments.start("jeonbuk-mechanical", "same-name", "A", "self-hold", 1);
        enrollments.start("gumi-electronic", "same-name", "B", "self-hold", 1);

        assertThat(enrollments.ofSchool("gumi-electronic")).extracting(Enrollment::displayName).containsExactly("B");
        assertThat(enrollments.of("jeonbuk-mechanical", "same-name")).extracting(Enrollment::displayName)
                .containsExactly("A");
    }
}
