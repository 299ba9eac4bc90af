package sfa.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's CPU per request, one kind of request at a time (docs/benchmarks.md, "What one request costs"):
 * a few clients send the same kind of request back to back for a while, and the server's CPU time over that
 * while is divided by the requests answered. Where {@link ApiLoad} says whether the mix meets its target, this
 * says which request got dearer.
 *
 * <pre>
 * benchmarks/api-load --no-build (with SFA_LOAD_MAIN=RequestCost) [--clients 8] [--seconds 10] [--kinds lesson,read,...]
 * </pre>
 */
public final class RequestCost {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = ApiLoad.options(args);
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        long serverPid = Long.parseLong(ApiLoad.required(o, "server-pid"));
        List<String> kinds = List.of(o.getOrDefault("kinds", "health,lesson,units,open,read,quiz,lab").split(","));
        StudentTokens tokens = StudentTokens.load(Path.of(ApiLoad.required(o, "key")),
                o.getOrDefault("issuer", "http://localhost:8180/realms/sfa"));
        Course course = Course.load(Path.of(o.getOrDefault("root", ".")).toAbsolutePath());
        Course.CourseUnit unit = course.units().stream().filter(u -> u.quiz() != null && u.lab() != null).findFirst()
                .orElseThrow();
        String base = ApiLoad.required(o, "url");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String school = ApiLoad.SCHOOLS[1];
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            bearer.add(tokens.student("c%04d".formatted(i), "학생 %04d".formatted(i), school, 3600));
        }
        String path = "/api/schools/" + school + "/my/units/" + unit.id();
        for (int i = 0; i < clients; i++) {
            send(http, base + path, bearer.get(i), "");
        }
        System.out.printf("%d clients, %d s a kind, unit %s of %s%n%n", clients, seconds, unit.id(), school);
        System.out.println("| request | requests/s | server CPU ms per request | mean ms |");
        System.out.println("|---|---:|---:|---:|");
        for (String kind : kinds) {
            Random random = new Random(1);
            String lesson = unit.lessons().getFirst();
            record Req(String url, String body) {
            }
            java.util.function.IntFunction<Req> req = switch (kind) {
                case "health" -> c -> new Req(base + "/actuator/health", null);
                case "lesson" -> c -> new Req(base + path + "/lessons/" + lesson + "?lang=ko", null);
                case "units" -> c -> new Req(base + "/api/schools/" + school + "/my/units", null);
                case "open" -> c -> new Req(base + path, "");
                case "read" -> c -> new Req(base + path + "/lessons/" + lesson + "/read", "");
                case "quiz" -> c -> new Req(base + path + "/quiz/attempts",
                        Json.of(Map.of("responses", Course.responses(unit.quiz(), 0.5, random))));
                case "lab" -> c -> new Req(base + path + "/labs/" + unit.lab().lab() + "/attempts",
                        Json.of(Map.of("program", unit.lab().modelAnswer())));
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            // a short warm-up of the same kind, then the measured while
            for (int round = 0; round < 2; round++) {
                long until = System.nanoTime() + Duration.ofSeconds(round == 0 ? Math.max(2, seconds / 3) : seconds).toNanos();
                AtomicLong done = new AtomicLong();
                AtomicLong nanos = new AtomicLong();
                long ticks0 = ApiLoad.cpuTicks(serverPid);
                long t0 = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    threads.add(Thread.ofPlatform().start(() -> {
                        while (System.nanoTime() < until) {
                            Req r;
                            synchronized (random) {
                                r = req.apply(client);
                            }
                            long s = System.nanoTime();
                            send(http, r.url(), bearer.get(client), r.body());
                            nanos.addAndGet(System.nanoTime() - s);
                            done.incrementAndGet();
                        }
                    }));
                }
                for (Thread t : threads) {
                    t.join();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                long ticks = ApiLoad.cpuTicks(serverPid) - ticks0;
                if (round == 1) {
                    System.out.printf("| %s | %.0f | %.2f | %.1f |%n", kind, done.get() / wall,
                            ticks * 10.0 / done.get(), nanos.get() / 1e6 / done.get());
                }
            }
        }
    }

    private static void send(HttpClient http, String url, String token, String body) {
        try {
            HttpResponse<Void> r = http.send(LoadStudent.request(url, token, body).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.statusCode() + " " + url);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
