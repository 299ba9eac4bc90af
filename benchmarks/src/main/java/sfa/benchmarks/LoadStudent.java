package sfa.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * One simulated student on a virtual thread, a closed loop: open a unit, now and then look at their
 * units, read its lessons (GET, then POST read), take its quiz one to three times (wrong answers first,
 * mostly right at the end), and every so often submit a lab program for grading (the model answer or a
 * wrong one). Between two requests the student thinks for 0.5 to 1.5 times the mean think time.
 */
final class LoadStudent implements Runnable {

    /** What a request does, as reported per kind. */
    enum Kind {
        OPEN_UNIT("POST my/units/{unit}"), MY_UNITS("GET my/units"), LESSON("GET …/lessons/{lesson}"),
        LESSON_READ("POST …/lessons/{lesson}/read"), QUIZ("POST …/quiz/attempts"), LAB("POST …/labs/{lab}/attempts");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** What all students share: the server, the course, the window measured and the recorders. */
    record Run(HttpClient http, String base, Course course, long measureFromNanos, long endNanos, long thinkMillis,
            double labShare, Map<Kind, Latencies> latencies, ErrorLog errors) {
    }

    private final Run run;
    private final String school;
    private final String token;
    private final Random random;

    LoadStudent(Run run, String school, String token, long seed) {
        this.run = run;
        this.school = school;
        this.token = token;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        try {
            // students arrive spread over the first two think times, not all in the same millisecond
            Thread.sleep(random.nextLong(2 * run.thinkMillis() + 1));
            while (System.nanoTime() < run.endNanos()) {
                unit(run.course().units().get(random.nextInt(run.course().units().size())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void unit(Course.CourseUnit u) throws InterruptedException {
        String my = "/api/schools/" + school + "/my/units";
        String path = my + "/" + u.id();
        send(Kind.OPEN_UNIT, u, path, "");
        if (random.nextInt(3) == 0) {
            send(Kind.MY_UNITS, u, my, null);
        }
        for (String lesson : u.lessons()) {
            send(Kind.LESSON, u, path + "/lessons/" + lesson + "?lang=" + (random.nextInt(5) == 0 ? "en" : "ko"), null);
            send(Kind.LESSON_READ, u, path + "/lessons/" + lesson + "/read", "");
        }
        if (u.quiz() != null) {
            int attempts = 1 + random.nextInt(3);
            for (int i = 1; i <= attempts; i++) {
                double right = i == attempts ? 0.9 : 0.5;
                send(Kind.QUIZ, u, path + "/quiz/attempts",
                        Json.of(Map.of("responses", Course.responses(u.quiz(), right, random))));
            }
        }
    }

    /** One request, then the think time; before it, one time in 1/labShare, a lab attempt. */
    private void send(Kind kind, Course.CourseUnit u, String path, @Nullable String body) throws InterruptedException {
        if (random.nextDouble() < run.labShare() / (1 - run.labShare())) {
            lab(u);
        }
        request(kind, path, body);
    }

    private void lab(Course.CourseUnit current) throws InterruptedException {
        Course.CourseUnit u = current;
        while (u.lab() == null) {
            u = run.course().units().get(random.nextInt(run.course().units().size()));
        }
        Course.LabPrograms lab = u.lab();
        List<String> wrong = lab.wrong();
        String program = wrong.isEmpty() || random.nextInt(5) < 3 ? lab.modelAnswer()
                : wrong.get(random.nextInt(wrong.size()));
        request(Kind.LAB, "/api/schools/" + school + "/my/units/" + u.id() + "/labs/" + lab.lab() + "/attempts",
                Json.of(Map.of("program", program)));
    }

    private void request(Kind kind, String path, @Nullable String body) throws InterruptedException {
        long now = System.nanoTime();
        if (now >= run.endNanos()) {
            return;
        }
        HttpRequest.Builder b = request(run.base() + path, token, body);
        boolean measured = now >= run.measureFromNanos();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = run.http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long micros = (System.nanoTime() - start) / 1000;
            if (r.statusCode() / 100 != 2) {
                run.errors().add(kind, measured, r.statusCode() + " " + path + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
                if (measured) {
                    run.latencies().get(kind).error();
                }
            } else if (measured) {
                run.latencies().get(kind).add(micros);
            }
        } catch (java.io.IOException e) {
            run.errors().add(kind, measured, e + " " + path);
            if (measured) {
                run.latencies().get(kind).error();
            }
        }
        Thread.sleep(run.thinkMillis() / 2 + random.nextLong(run.thinkMillis() + 1));
    }

    /** A student's request: GET when there is no body, POST with none when it is empty, else POST of JSON. */
    static HttpRequest.Builder request(String url, String token, @Nullable String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.GET();
        } else if (body.isEmpty()) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return b;
    }
}
