package sfa.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The backend as a separate JVM for the crash test: started with the command line the script built (same data
 * folder every time, its output appended to one log), waited for until its health check says UP, and killed with
 * {@code kill -9}: no shutdown hook, no flush, no closing of the store, as a power cut or the OOM killer would.
 */
final class BackendProcess {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final List<String> command;
    private final Path log;
    private final CrashApi api;
    private Process process;

    BackendProcess(List<String> command, Path log, CrashApi api) {
        this.command = List.copyOf(command);
        this.log = log;
        this.api = api;
    }

    /** Starts the server and waits until it is healthy; the milliseconds from the start to UP. */
    long start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long limit = t0 + START_LIMIT.toNanos();
        while (!api.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the backend stopped while starting (exit " + process.exitValue()
                        + "); the end of " + log + ":\n" + tail());
            }
            if (System.nanoTime() > limit) {
                throw new IllegalStateException("the backend was not healthy within " + START_LIMIT + "; " + log);
            }
            Thread.sleep(50); // pacing the health poll
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill9() throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -9 " + process.pid() + " failed: " + rc);
        }
        process.waitFor();
    }

    /** An orderly stop (SIGTERM) at the end of the run. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
