package sfa.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two backend nodes behind nginx on one port, sharing one store: students open live labs through the proxy and watch
 * them stream (reconnecting as a browser's EventSource does, a second after a stream ends); then node n1 is killed
 * with {@code kill -9}, started again, and node n2 is stopped in order. After each step every student's lab must
 * stream again, running, from the node the proxy routes it to; the figures say how long each took and how much
 * simulated time a lab lost. Started by {@code benchmarks/cluster-test}, which runs the store and nginx.
 *
 * <pre>ClusterTest --proxy http://127.0.0.1:18490 --ports 18491,18492 --key key.pk8 --log-dir dir --root . \
 *     [--students 20] -- java -jar backend.jar [common arguments]</pre>
 */
public final class ClusterTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9-]+)\"");
    private static final Pattern TIME = Pattern.compile("\"timeMs\":(\\d+)");
    private static final Pattern RUNNING = Pattern.compile("\"running\":(true|false)");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private ClusterTest() {
    }

    /** One frame as a watcher received it. */
    record Frame(long atNanos, long timeMs, boolean running, String node) {
    }

    /** A student watching their lab's stream through the proxy, reconnecting like EventSource. */
    static final class Watcher implements Runnable {
        final String school;
        final String token;
        final String id;
        final String base;
        final HttpClient http;
        final List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger reconnects = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        volatile boolean stop;

        Watcher(String proxy, String school, String token, String id, HttpClient http) {
            this.school = school;
            this.token = token;
            this.id = id;
            this.base = proxy + "/api/schools/" + school + "/my/labs/" + id;
            this.http = http;
        }

        Frame last() {
            synchronized (frames) {
                return frames.isEmpty() ? null : frames.getLast();
            }
        }

        /** The first frame received from {@code node} after {@code nanos}, or null. */
        Frame firstAfter(long nanos, String node) {
            synchronized (frames) {
                for (Frame f : frames) {
                    if (f.atNanos() > nanos && f.node().equals(node)) {
                        return f;
                    }
                }
                return null;
            }
        }

        /** The last frame received before {@code nanos}, or null. */
        Frame lastBefore(long nanos) {
            synchronized (frames) {
                Frame found = null;
                for (Frame f : frames) {
                    if (f.atNanos() < nanos) {
                        found = f;
                    }
                }
                return found;
            }
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    HttpResponse<java.util.stream.Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + "/stream"))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines());
                    String node = r.headers().firstValue("X-SFA-Node").orElse("?");
                    if (r.statusCode() != 200) {
                        refused.incrementAndGet();
                        r.body().close();
                    } else {
                        var lines = r.body().iterator();
                        while (!stop && lines.hasNext()) {
                            String line = lines.next();
                            if (line.startsWith("data:")) {
                                Matcher t = TIME.matcher(line);
                                Matcher run = RUNNING.matcher(line);
                                if (t.find() && run.find()) {
                                    frames.add(new Frame(System.nanoTime(), Long.parseLong(t.group(1)),
                                            Boolean.parseBoolean(run.group(1)), node));
                                }
                            }
                        }
                        r.body().close();
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    // the node went away mid-stream (the lines' iterator throws it unchecked): reconnect as a browser does
                } catch (InterruptedException e) {
                    return;
                }
                if (!stop) {
                    reconnects.incrementAndGet();
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // EventSource's retry, as the server sets it
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int split = List.of(args).indexOf("--");
        Map<String, String> o = ApiLoad.options(java.util.Arrays.copyOfRange(args, 0, split));
        List<String> server = List.of(args).subList(split + 1, args.length);
        String proxy = ApiLoad.required(o, "proxy");
        String[] ports = ApiLoad.required(o, "ports").split(",");
        int students = Integer.parseInt(o.getOrDefault("students", "20"));
        Path logs = Path.of(ApiLoad.required(o, "log-dir"));
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath();
        String program = Files.readString(root.resolve("courseware/solutions/conveyor-self-hold.st"));
        StudentTokens tokens = StudentTokens.load(Path.of(ApiLoad.required(o, "key")),
                o.getOrDefault("issuer", "http://localhost:8180/realms/sfa"));

        List<BackendProcess> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "n" + (i + 1);
            List<String> command = new ArrayList<>(server);
            command.addAll(List.of("--server.port=" + ports[i], "--sfa.cluster.node=" + name,
                    "--sfa.cluster.url=http://127.0.0.1:" + ports[i]));
            nodes.add(new BackendProcess(command, logs.resolve(name + ".log"), new CrashApi("http://127.0.0.1:" + ports[i])));
        }
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (BackendProcess n : nodes) {
            System.out.printf("node started and healthy in %d ms%n", n.start());
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CrashApi api = new CrashApi(proxy);
        List<Watcher> watchers = new ArrayList<>();
        AtomicInteger apiErrors = new AtomicInteger();
        for (int i = 1; i <= students; i++) {
            String school = ApiLoad.SCHOOLS[i % ApiLoad.SCHOOLS.length];
            String token = tokens.student("c%03d".formatted(i), "학생 %03d".formatted(i), school, 3600);
            var opened = api.send(token, "POST", "/api/schools/" + school + "/my/labs", "{\"lab\":\"conveyor-self-hold\","
                    + "\"sequence\":false,\"program\":" + Json.str(program) + "}", "open-" + i);
            Matcher m = opened == null ? null : ID.matcher(opened.body());
            if (opened == null || opened.status() != 201 || !m.find()) {
                throw new IllegalStateException("opening a lab through the proxy: " + (opened == null ? "no answer"
                        : opened.status() + " " + opened.body()));
            }
            String id = m.group(1);
            var started = api.send(token, "POST", "/api/schools/" + school + "/my/labs/" + id + "/commands/start", null,
                    "start-" + i);
            if (started == null || started.status() != 200) {
                apiErrors.incrementAndGet();
            }
            Watcher w = new Watcher(proxy, school, token, id, http);
            watchers.add(w);
            Thread.ofVirtual().start(w);
        }
        Map<String, Long> placed = new java.util.TreeMap<>();
        watchers.forEach(w -> placed.merge(w.id.substring(0, w.id.indexOf('-')), 1L, Long::sum));
        System.out.printf("%d students opened a live lab through the proxy; placed by nginx (least connections): %s%n",
                students, placed);
        settle(watchers, w -> w.last() != null && w.last().running(), "every lab streams, running");
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // a few checkpoints (every second in this run)
        long misrouted = watchers.stream().filter(w -> !w.id.startsWith(w.last().node() + "-")).count();
        System.out.printf("streams served by the node named in their session's id: %d of %d%n", students - misrouted,
                students);
        if (misrouted > 0) {
            failures.add(misrouted + " streams served by another node than their session's");
        }

        // 1. kill -9 n1: its students' labs continue on n2 from their last checkpoint
        List<Watcher> onN1 = watchers.stream().filter(w -> w.id.startsWith("n1-")).toList();
        long kill = System.nanoTime();
        nodes.get(0).kill9();
        step("n1 killed (kill -9)", onN1, kill, "n2", false, failures);

        // 2. n1 back: each of its students reloads the page (a request for their lab), which the proxy sends to n1
        long restarted = nodes.get(0).start();
        System.out.printf("n1 started again, healthy after %d ms%n", restarted);
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // nginx tries n1 again after its fail_timeout (2 s)
        long back = System.nanoTime();
        for (Watcher w : onN1) {
            var r = api.get(w.token, "/api/schools/" + w.school + "/my/labs/" + w.id);
            if (r == null || r.status() != 200) {
                apiErrors.incrementAndGet();
                System.out.println("reload of " + w.id + ": " + (r == null ? "no answer" : r.status() + " " + r.body()));
            }
        }
        step("n1's sessions moved back to n1 (handed over live)", onN1, back, "n1", true, failures);

        // 3. n2 stopped in order (SIGTERM): it lets its sessions go with fresh snapshots; n1 takes them
        List<Watcher> onN2 = watchers.stream().filter(w -> w.id.startsWith("n2-")).toList();
        long stop = System.nanoTime();
        nodes.get(1).stop();
        step("n2 stopped in order (SIGTERM)", onN2, stop, "n1", true, failures);

        long notRunning = watchers.stream().filter(w -> w.last() == null || !w.last().running()).count();
        if (notRunning > 0) {
            failures.add(notRunning + " labs not running at the end");
        }
        int reconnects = watchers.stream().mapToInt(w -> w.reconnects.get()).sum();
        int refused = watchers.stream().mapToInt(w -> w.refused.get()).sum();
        System.out.printf("at the end: %d of %d labs streaming and running on n1; stream reconnects %d, of which refused"
                + " (non-200) %d; API calls failed: %d; whole run %d s%n", students - notRunning, students, reconnects,
                refused, apiErrors.get(), (System.nanoTime() - t0) / 1_000_000_000);
        watchers.forEach(w -> w.stop = true);
        nodes.get(0).stop();
        if (apiErrors.get() > 0) {
            failures.add(apiErrors.get() + " API calls through the proxy failed");
        }
        failures.forEach(f -> System.out.println("FAILED: " + f));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /**
     * Waits until every watcher of {@code affected} streams from {@code node} again after {@code since}; prints how
     * long each took (wall clock) and the simulated time each lab lost (its last frame before, its first after).
     */
    private static void step(String what, List<Watcher> affected, long since, String node, boolean lossless,
            List<String> failures) {
        settle(affected, w -> {
            Frame f = w.last();
            return f != null && f.atNanos() > since && f.node().equals(node) && f.running();
        }, what);
        List<Long> gaps = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        for (Watcher w : affected) {
            Frame before = w.lastBefore(since);
            Frame after = w.firstAfter(since, node);
            if (before == null || after == null) {
                failures.add(what + ": " + w.id + " has no frame before or after");
                continue;
            }
            gaps.add((after.atNanos() - since) / 1_000_000);
            lost.add(Math.max(0, before.timeMs() - after.timeMs()));
        }
        Collections.sort(gaps);
        Collections.sort(lost);
        if (gaps.isEmpty()) {
            System.out.printf("%s: no lab affected%n", what);
            return;
        }
        System.out.printf("%s: %d labs streaming again from %s, running; first frame there after p50 %d ms, max %d ms;"
                + " simulated time lost p50 %d ms, max %d ms%n", what, gaps.size(), node, gaps.get(gaps.size() / 2),
                gaps.getLast(), lost.get(lost.size() / 2), lost.getLast());
        if (lossless && lost.getLast() > 0) {
            failures.add(what + ": a lab lost " + lost.getLast() + " ms of simulated time");
        }
    }

    private static void settle(List<Watcher> watchers, java.util.function.Predicate<Watcher> done, String what) {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!watchers.stream().allMatch(done)) {
            if (System.nanoTime() > end) {
                long missing = watchers.stream().filter(done.negate()).count();
                throw new IllegalStateException(what + ": " + missing + " labs not there within " + SETTLE);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
