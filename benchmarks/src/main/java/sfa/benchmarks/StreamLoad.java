package sfa.benchmarks;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One class watching its labs: N browser-less clients each open a live lab run by the lab's model answer,
 * start it and follow its server-sent event stream, as the workbench does; reports the frames each
 * receives per second and the gaps between frames.
 *
 * <pre>SFA_LOAD_MAIN=StreamLoad benchmarks/api-load --clients 30 --duration 60 --lab sorting-metal</pre>
 */
public final class StreamLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9-]+)\"");

    private StreamLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = ApiLoad.options(args);
        int clients = Integer.parseInt(o.getOrDefault("clients", "30"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        String lab = o.getOrDefault("lab", "sorting-metal");
        String url = ApiLoad.required(o, "url");
        Path root = Path.of(o.getOrDefault("root", ".")).toAbsolutePath();
        String program = Files.readString(root.resolve("courseware/solutions/" + lab + ".st"));
        StudentTokens tokens = StudentTokens.load(Path.of(ApiLoad.required(o, "key")),
                o.getOrDefault("issuer", "http://localhost:8180/realms/sfa"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(duration).toNanos();
        AtomicLong frames = new AtomicLong();
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        List<Long> perClient = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            String school = ApiLoad.SCHOOLS[i % ApiLoad.SCHOOLS.length];
            String token = tokens.student("w%03d".formatted(i), "학생 %03d".formatted(i), school, warmup + duration + 600L);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    String base = url + "/api/schools/" + school + "/my/labs";
                    HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"lab\":" + Json.str(lab) + ",\"program\":"
                                    + Json.str(program) + "}")).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = ID.matcher(opened.body());
                    if (opened.statusCode() != 201 || !m.find()) {
                        throw new IllegalStateException("open: " + opened.statusCode() + " " + opened.body());
                    }
                    String id = m.group(1);
                    http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/commands/start"))
                            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                    HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/" + id + "/stream")).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofLines());
                    long last = 0;
                    long mine = 0;
                    var lines = stream.body().iterator();
                    while (lines.hasNext()) {
                        String line = lines.next();
                        long now = System.nanoTime();
                        if (now > end) {
                            break;
                        }
                        if (line.startsWith("event:frame") && now >= measureFrom) {
                            frames.incrementAndGet();
                            mine++;
                            if (last != 0) {
                                gaps.add((now - last) / 1_000_000);
                            }
                            last = now;
                        }
                    }
                    perClient.add(mine);
                    stream.body().close();
                } catch (Exception e) {
                    System.err.println("client failed: " + e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> g = new ArrayList<>(gaps);
        Collections.sort(g);
        List<Long> c = new ArrayList<>(perClient);
        Collections.sort(c);
        System.out.printf("%d clients watching %s for %d s: %d frames, %.1f frames/s per client (slowest %.1f)%n",
                clients, lab, duration, frames.get(), frames.get() / (double) Math.max(1, c.size()) / duration,
                c.isEmpty() ? 0.0 : c.getFirst() / (double) duration);
        if (!g.isEmpty()) {
            System.out.printf("gap between frames: p50 %d ms, p99 %d ms, max %d ms%n", g.get(g.size() / 2),
                    g.get(g.size() * 99 / 100), g.getLast());
        }
        System.exit(c.size() == clients ? 0 : 1);
    }
}
