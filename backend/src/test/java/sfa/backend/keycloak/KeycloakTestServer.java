package sfa.backend.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real Keycloak per test JVM, from the distribution Maven unpacked into {@code .keycloak/}
 * (system property {@code sfa.keycloak.home}), with the committed realm file imported. It runs on free
 * ports with its own Keycloak home under {@code target/}, so it never touches what {@code bin/start}
 * keeps, and stops when the JVM exits.
 */
public final class KeycloakTestServer {

    private static final Duration READY_WITHIN = Duration.ofMinutes(4);
    private static final Path REALM_FILE = Path.of("keycloak", "sfa-realm.json");
    /** Keycloak's build options; keep them equal to {@code SFA_KEYCLOAK_BUILD_OPTIONS} in {@code bin/lib.sh}. */
    private static final List<String> BUILD_OPTIONS = List.of("--health-enabled=true", "--db=dev-file");
    private static final String BUILT_MARKER = ".sfa-built";
    private static @Nullable KeycloakTestServer running;

    private final Process process;
    private final int httpPort;
    private final Duration startup;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTestServer(Process process, int httpPort, Duration startup) {
        this.process = process;
        this.httpPort = httpPort;
        this.startup = startup;
    }

    /** The running server, started on the first call (the first start of a distribution also builds it: ~20 s more). */
    public static synchronized KeycloakTestServer get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "keycloak-test-server-stop"));
        }
        return running;
    }

    /** The issuer of realm {@code sfa}, e.g. {@code http://localhost:41234/realms/sfa}. */
    public URI issuerUri() {
        return URI.create("http://localhost:" + httpPort + "/realms/sfa");
    }

    /** How long the start took until Keycloak answered ready. */
    public Duration startup() {
        return startup;
    }

    /** An access token for a user of realm {@code sfa}, by password grant of the public client {@code sfa-cli}. */
    public String token(String username, String password) {
        String form = "grant_type=password&client_id=sfa-cli&scope=openid&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.shared().readTree(response.body()).get("access_token").asString();
    }

    private static KeycloakTestServer start() {
        Path distribution = Path.of(System.getProperty("sfa.keycloak.home", "../.keycloak/keycloak-26.7.3")).toAbsolutePath();
        Path kc = distribution.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("no Keycloak distribution at " + distribution
                    + "; './mvnw -pl backend generate-test-resources' unpacks it from Maven Central");
        }
        Path log = Path.of("target", "keycloak-test.log").toAbsolutePath();
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant started = Instant.now();
        buildOnce(distribution, log);
        Path home = Path.of("target", "keycloak-test-home").toAbsolutePath();
        try {
            deleteRecursively(home);
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(REALM_FILE, home.resolve("data/import/sfa-realm.json"));
            // an own home (data, import) over the shared, already built distribution (lib)
            Files.createSymbolicLink(home.resolve("lib"), distribution.resolve("lib"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int httpPort = freePort();
        int managementPort = freePort();
        Process process = run(log, kc.toString(), "start", "--optimized", "--http-enabled=true", "--hostname-strict=false",
                "--import-realm", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "-Dkc.home.dir=" + home);
        awaitReady(process, URI.create("http://localhost:" + managementPort + "/health/ready"), log);
        Duration startup = Duration.between(started, Instant.now());
        System.out.printf("Keycloak test server ready in %d ms on port %d (log %s)%n", startup.toMillis(), httpPort, log);
        return new KeycloakTestServer(process, httpPort, startup);
    }

    /**
     * Builds (Quarkus augmentation, ~20 s) the distribution once with the platform's build options, which
     * {@code bin/lib.sh} uses too (see {@code sfa_keycloak_build}); later starts are {@code --optimized}
     * (~6 s) where {@code start-dev} would build again on every start.
     */
    private static void buildOnce(Path distribution, Path log) {
        Path marker = distribution.resolve(BUILT_MARKER);
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(String.join(" ", BUILD_OPTIONS))) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            Process build = run(log, command.toArray(String[]::new));
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed:\n" + tail(log));
            }
            Files.writeString(marker, String.join(" ", BUILD_OPTIONS) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process run(Path log, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xmx512m");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        }
    }

    /** Polls the readiness endpoint until it answers 200, Keycloak exits, or the deadline passes. */
    private static void awaitReady(Process process, URI ready, Path log) {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keycloak is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Keycloak started", e);
            }
            // wait for the process to exit (a failed start) for at most half a second, then poll again
            try {
                int exit = process.onExit().get(500, TimeUnit.MILLISECONDS).exitValue();
                throw new IllegalStateException("Keycloak exited with " + exit + " while starting:\n" + tail(log));
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Keycloak started", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        stop(process);
        throw new IllegalStateException("Keycloak was not ready within " + READY_WITHIN + ":\n" + tail(log));
    }

    private void stop() {
        stop(process);
    }

    private static void stop(Process process) {
        // kc.sh forwards TERM to its java child; end the child directly too, in case the script is gone
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())) + "\n(whole log: " + log + ")";
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        return sfa.backend.TestPorts.free();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
