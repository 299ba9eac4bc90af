package sfa.backend.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import sfa.backend.web.ApiProblem;

/** Grades share the grading threads fairly: nobody waits behind another student's backlog. */
class GradingQueueTests {

    private static final GradingQueue.Requester FLOODER = new GradingQueue.Requester("busan-mechanical", "bs-student1");
    private static final GradingQueue.Requester OTHER_SCHOOL = new GradingQueue.Requester("gumi-electronic", "gm-student1");
    private static final GradingQueue.Requester CLASSMATE = new GradingQueue.Requester("busan-mechanical", "bs-student2");

    /** One grading thread, as on a 2-core server; two grades may wait behind a student's running one. */
    private final GradingQueue queue = new GradingQueue(1, 2, 500);
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstRuns = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        queue.close();
    }

    private CompletableFuture<String> submit(GradingQueue.Requester who, String name) {
        return CompletableFuture.supplyAsync(() -> queue.run(who, () -> {
            firstRuns.countDown();
            release.await();
            finished.add(name);
            return name;
        }));
    }

    private void awaitWaiting(int n) throws InterruptedException {
        assertThat(queue.awaitWaiting(n, java.time.Duration.ofSeconds(10))).as(n + " grades waiting").isTrue();
    }

    // #15: four attempts from one student made another school's correct program wait 80 s
    @Test
    void anotherSchoolsGradeIsServedBeforeAFloodingStudentsBacklog() throws Exception {
        CompletableFuture<String> f1 = submit(FLOODER, "flood-1");
        assertThat(firstRuns.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> f2 = submit(FLOODER, "flood-2");
        CompletableFuture<String> f3 = submit(FLOODER, "flood-3");
        awaitWaiting(2);
        CompletableFuture<String> other = submit(OTHER_SCHOOL, "other-school");
        awaitWaiting(3);

        release.countDown();
        CompletableFuture.allOf(f1, f2, f3, other).get(10, TimeUnit.SECONDS);

        assertThat(finished).containsExactly("flood-1", "other-school", "flood-2", "flood-3");
    }

    // #15
    @Test
    void aClassmateTakesTheirTurnBetweenAStudentsGrades() throws Exception {
        CompletableFuture<String> f1 = submit(FLOODER, "flood-1");
        assertThat(firstRuns.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> f2 = submit(FLOODER, "flood-2");
        awaitWaiting(1);
        CompletableFuture<String> f3 = submit(FLOODER, "flood-3");
        awaitWaiting(2);
        CompletableFuture<String> mate = submit(CLASSMATE, "classmate");
        awaitWaiting(3);

        release.countDown();
        CompletableFuture.allOf(f1, f2, f3, mate).get(10, TimeUnit.SECONDS);

        assertThat(finished).containsExactly("flood-1", "classmate", "flood-2", "flood-3");
    }

    // #15: with 'never served goes first', students who had been graded once waited behind every newcomer and timed out
    @Test
    void aStudentGradedBeforeIsNotOvertakenByStudentsWhoCameAfterThem() throws Exception {
        GradingQueue.Requester earlier = new GradingQueue.Requester("busan-mechanical", "bs-student3");
        GradingQueue.Requester newcomer = new GradingQueue.Requester("busan-mechanical", "bs-student4");
        assertThat(queue.run(earlier, () -> "first grade")).isEqualTo("first grade");
        CompletableFuture<String> holding = submit(OTHER_SCHOOL, "holding the thread");
        assertThat(firstRuns.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = submit(earlier, "earlier student's second grade");
        awaitWaiting(1);
        CompletableFuture<String> later = submit(newcomer, "newcomer");
        awaitWaiting(2);

        release.countDown();
        CompletableFuture.allOf(holding, second, later).get(10, TimeUnit.SECONDS);

        assertThat(finished).containsExactly("holding the thread", "earlier student's second grade", "newcomer");
    }

    // #15: the queue allowed hours of backlog from one account
    @Test
    void aStudentsGradeBeyondOneRunningAndTwoWaitingIsRefusedWithRetryAfter() throws Exception {
        submit(FLOODER, "flood-1");
        assertThat(firstRuns.await(10, TimeUnit.SECONDS)).isTrue();
        submit(FLOODER, "flood-2");
        submit(FLOODER, "flood-3");
        awaitWaiting(2);

        assertThatThrownBy(() -> queue.run(FLOODER, () -> "flood-4")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(p.code()).isEqualTo("grading-one-at-a-time");
            assertThat(p.retryAfterSeconds()).isPositive();
            assertThat(p.korean()).contains("이미 채점 중이거나 기다리는 제출이 3개");
            assertThat(p.getMessage()).contains("you already have 3 grade(s) running or waiting");
        });
        CompletableFuture<String> other = submit(OTHER_SCHOOL, "other-school");
        release.countDown();
        assertThat(other.get(10, TimeUnit.SECONDS)).as("others are not refused").isEqualTo("other-school");
    }

    @Test
    void aGradeThatThrowsAnswersItsOwnRequestAndTheThreadGoesOn() {
        assertThatThrownBy(() -> queue.run(OTHER_SCHOOL, () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(queue.run(OTHER_SCHOOL, () -> "next")).isEqualTo("next");
    }
}
