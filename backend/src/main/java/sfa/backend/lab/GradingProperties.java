package sfa.backend.lab;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How graded attempts share the server ({@code sfa.labs.grading.*}).
 *
 * @param threads            grading threads; 0 means one less than the cores, and at least two: a grade is solid CPU,
 *                           and on the request threads a class's grades crowded out everyone else's clicks; one thread
 *                           alone, on a two-core server that is busy, got one thread's share of the CPU among hundreds
 *                           and grades waited 10 s and more (issue 16: two threads halved that, at the same throughput)
 * @param waitingPerStudent  grades one student may have waiting behind their running one; more are refused with 429
 * @param queue              grades waiting in all; beyond it everyone is asked to try again in a moment (503)
 */
@ConfigurationProperties("sfa.labs.grading")
public record GradingProperties(Integer threads, Integer waitingPerStudent, Integer queue) {

    public GradingProperties {
        threads = threads == null ? 0 : threads;
        waitingPerStudent = waitingPerStudent == null ? 2 : waitingPerStudent;
        queue = queue == null ? 500 : queue;
        if (threads < 0 || waitingPerStudent < 0 || queue < 1) {
            throw new IllegalArgumentException("sfa.labs.grading: threads and waiting-per-student must be 0 or more and"
                    + " queue at least 1, not " + threads + ", " + waitingPerStudent + ", " + queue);
        }
    }

    int threadCount() {
        return threadCount(Runtime.getRuntime().availableProcessors());
    }

    int threadCount(int cores) {
        return threads > 0 ? threads : Math.max(2, cores - 1);
    }
}
