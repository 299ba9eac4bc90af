package sfa.backend.lab;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sfa.backend.web.ApiProblem;

/**
 * The grading threads and the grades waiting for them, served fairly: the schools with grades waiting take turns,
 * and within a school its students take turns, so nobody waits behind another's backlog. A student has at most one
 * grade running and {@code waitingPerStudent} waiting; more are refused with 429 and a Retry-After, so one account
 * cannot fill the queue. The request thread waits for its grade (a grade is milliseconds for a well-behaved program).
 */
final class GradingQueue implements AutoCloseable {

    /** Who asked: grades are shared out among schools, then among students. */
    record Requester(String school, String student) {
    }

    private static final class Job {
        final Requester requester;
        final Callable<?> work;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final long arrived = System.nanoTime();

        Job(Requester requester, Callable<?> work) {
            this.requester = requester;
            this.work = work;
        }
    }

    private final int waitingPerStudent;
    private final int capacity;
    private final Object lock = new Object();
    /** Waiting grades by school, then by student (in the order they came, which breaks ties of turns). */
    private final LinkedHashMap<String, LinkedHashMap<String, Deque<Job>>> waiting = new LinkedHashMap<>();
    private final Set<Requester> running = new HashSet<>();
    /**
     * When each school ({@code school}) and student ({@code school/student}) was last served (System.nanoTime: a
     * student when their grade ended; a school when its grade was taken, and again when it ended). Turns are times:
     * a student's is when their oldest waiting grade came or their last one ended, whichever is later; a school's is
     * its first student's, or when it was last served if later. The earliest turn goes first, so grades are served in
     * the order they came except that whoever was just served goes behind those who came meanwhile: nobody waits
     * behind another student's or school's backlog, and nobody waits for ever. The most recent 100,000 are kept.
     */
    private final Map<String, Long> lastServed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    };

    private final Thread[] workers;
    private int waitingCount;
    private boolean closed;
    /** The mean of recent grades' durations (ms), for the Retry-After of a refusal. */
    private double meanMillis = 50;

    GradingQueue(int threads, int waitingPerStudent, int capacity) {
        this.waitingPerStudent = waitingPerStudent;
        this.capacity = capacity;
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(this::work, "lab-grading-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /**
     * Runs {@code work} on a grading thread in its turn and returns its result.
     *
     * @throws ApiProblem 429 {@code grading-one-at-a-time} when the student already has a grade running and the most
     *         allowed waiting; 503 {@code grading-busy} when the whole queue is full
     */
    @SuppressWarnings("unchecked")
    <T> T run(Requester requester, Callable<T> work) {
        Job job = new Job(requester, work);
        synchronized (lock) {
            if (closed) {
                throw stopping();
            }
            Deque<Job> line = waiting.computeIfAbsent(requester.school(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(requester.student(), s -> new ArrayDeque<>());
            int mine = line.size() + (running.contains(requester) ? 1 : 0);
            if (mine > waitingPerStudent) {
                int seconds = (int) Math.min(30, Math.max(1, Math.ceil(mine * meanMillis / 1000)));
                forgetIfEmpty(requester);
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "grading-one-at-a-time",
                        "you already have " + mine + " grade(s) running or waiting: wait for them before asking for"
                                + " another (try again in " + seconds + " s)",
                        "이미 채점 중이거나 기다리는 제출이 " + mine + "개 있습니다. 그 결과를 본 뒤에 다시 제출하세요 (" + seconds
                                + "초 뒤)")
                        .retryAfter(seconds);
            }
            if (waitingCount >= capacity) {
                forgetIfEmpty(requester);
                throw ApiProblem.unavailable("grading-busy",
                        "many programs are being graded right now: try again in a few seconds",
                        "지금 채점할 프로그램이 많습니다. 몇 초 뒤에 다시 하세요");
            }
            line.addLast(job);
            waitingCount++;
            lock.notifyAll();
        }
        try {
            return (T) job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            withdraw(job);
            throw new IllegalStateException("interrupted while waiting for a grade", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Grades waiting now. */
    int waiting() {
        synchronized (lock) {
            return waitingCount;
        }
    }

    /** Waits until {@code n} grades wait (for tests, which wait for a state rather than a time); false after the timeout. */
    boolean awaitWaiting(int n, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (waitingCount != n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void withdraw(Job job) {
        synchronized (lock) {
            Map<String, Deque<Job>> school = waiting.get(job.requester.school());
            if (school != null) {
                Deque<Job> line = school.get(job.requester.student());
                if (line != null && line.remove(job)) {
                    waitingCount--;
                    forgetIfEmpty(job.requester);
                    lock.notifyAll();
                }
            }
        }
    }

    private void forgetIfEmpty(Requester r) {
        LinkedHashMap<String, Deque<Job>> school = waiting.get(r.school());
        if (school == null) {
            return;
        }
        Deque<Job> line = school.get(r.student());
        if (line != null && line.isEmpty()) {
            school.remove(r.student());
        }
        if (school.isEmpty()) {
            waiting.remove(r.school());
        }
    }

    private void work() {
        while (true) {
            Job job;
            try {
                job = next();
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                return;
            }
            long start = System.nanoTime();
            try {
                job.result.complete(job.work.call());
            } catch (Throwable e) {
                job.result.completeExceptionally(e);
            } finally {
                double took = (System.nanoTime() - start) / 1e6;
                synchronized (lock) {
                    running.remove(job.requester);
                    long now = System.nanoTime();
                    lastServed.put(key(job.requester), now);
                    lastServed.put(job.requester.school(), now);
                    meanMillis = 0.9 * meanMillis + 0.1 * took;
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * The next grade in turn: of the grades that may run (their student has none running), the one whose turn comes
     * first (see {@link #lastServed}).
     */
    private @Nullable Job next() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (closed) {
                    return null;
                }
                Job job = takeInTurn();
                if (job != null) {
                    lock.notifyAll();
                    return job;
                }
                lock.wait();
            }
        }
    }

    private @Nullable Job takeInTurn() {
        Deque<Job> chosen = null;
        long chosenTurn = Long.MAX_VALUE;
        for (Map.Entry<String, LinkedHashMap<String, Deque<Job>>> school : waiting.entrySet()) {
            Deque<Job> line = nextOf(school.getValue());
            if (line == null) {
                continue;
            }
            long turn = Math.max(turnOf(line), lastServed.getOrDefault(school.getKey(), Long.MIN_VALUE));
            if (turn < chosenTurn) {
                chosen = line;
                chosenTurn = turn;
            }
        }
        if (chosen == null) {
            return null;
        }
        Job job = chosen.removeFirst();
        waitingCount--;
        running.add(job.requester);
        lastServed.put(job.requester.school(), System.nanoTime());
        forgetIfEmpty(job.requester);
        return job;
    }

    /**
     * A student's place in the turns: when their oldest waiting grade came, or when their last grade ended if that
     * was later (a student whose grade just ended goes behind everyone who came while it ran).
     */
    private long turnOf(Deque<Job> line) {
        Job first = line.getFirst();
        return Math.max(first.arrived, lastServed.getOrDefault(key(first.requester), Long.MIN_VALUE));
    }

    private static String key(Requester r) {
        return r.school() + "/" + r.student();
    }

    /** The school's student whose turn comes first and whose grade may run now: none of theirs running. */
    private @Nullable Deque<Job> nextOf(Map<String, Deque<Job>> students) {
        Deque<Job> best = null;
        long bestTurn = Long.MAX_VALUE;
        for (Deque<Job> line : students.values()) {
            Job first = line.peekFirst();
            if (first == null || running.contains(first.requester)) {
                continue;
            }
            long turn = turnOf(line);
            if (turn < bestTurn) {
                best = line;
                bestTurn = turn;
            }
        }
        return best;
    }

    private static ApiProblem stopping() {
        return ApiProblem.unavailable("grading-busy", "the server is stopping: try again in a moment",
                "서버가 멈추는 중입니다. 잠시 뒤에 다시 하세요");
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Map<String, Deque<Job>> school : waiting.values()) {
                for (Deque<Job> line : school.values()) {
                    for (Job j : line) {
                        j.result.completeExceptionally(stopping());
                    }
                }
            }
            waiting.clear();
            waitingCount = 0;
            lock.notifyAll();
        }
        for (Thread t : workers) {
            t.interrupt();
        }
    }
}
