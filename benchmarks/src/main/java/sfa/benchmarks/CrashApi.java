package sfa.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The backend's API as the crash test calls it: one request with a bearer token and, when it changes state, an
 * {@code Idempotency-Key}; its answer, or none when the connection failed (the server was killed under it, or was
 * not up yet).
 */
final class CrashApi {

    /** An answer: status, body, parsed JSON when it is JSON, and whether the server replayed a kept answer. */
    record Reply(int status, String body, boolean replayed) {

        boolean ok() {
            return status / 100 == 2;
        }

        @Nullable Object json() {
            return body.isEmpty() ? null : JsonIn.parse(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    CrashApi(String base) {
        this.base = base;
    }

    /** A GET; null when no answer came. */
    @Nullable Reply get(String token, String path) {
        return send(token, "GET", path, null, null);
    }

    /** Sends once; null when no answer came. {@code body} null sends none. */
    @Nullable Reply send(String token, String method, String path, @Nullable String body, @Nullable String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the server answers its health check with UP. */
    boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
