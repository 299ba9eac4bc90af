package sfa.backend.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import sfa.backend.SmartFactoryAcademy;
import sfa.backend.keycloak.Browser;
import sfa.backend.keycloak.KeycloakTestServer;
import sfa.backend.lab.LabHost;
import sfa.backend.lab.LiveLabs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of the platform, each its own application on its own port, sharing one store (a MongoDB-wire server)
 * and one Keycloak, as they run behind a proxy: a browser signed in on one is signed in on the other; a student's
 * live lab moves to the node their request reaches and continues where it was; when its node is gone it continues on
 * the other from its last snapshot, and the node that lost it lets its stale copy go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTests {

    private static final String SCHOOL = "/api/schools/jeonbuk-mechanical";
    private static final String SECRET = "a-secret-the-two-test-nodes-share";

    private static MongoServer store;
    private static ConfigurableApplicationContext n1;
    private static ConfigurableApplicationContext n2;
    private static String token;
    private static String program;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        store = new MongoServer(H2Backend.inMemory());
        store.bind("127.0.0.1", 0);
        String uri = store.getConnectionString() + "/sfa";
        n1 = node("n1", uri);
        n2 = node("n2", uri);
        token = KeycloakTestServer.get().token("jb-student1", "demo1234");
        program = Files.readString(Path.of("..", "courseware", "solutions", "conveyor-self-hold.st"));
    }

    private static ConfigurableApplicationContext node(String name, String storeUri) throws Exception {
        int port = sfa.backend.TestPorts.free();
        // as command-line arguments: they come before the application's own properties (a node's port, its store)
        return new SpringApplicationBuilder(SmartFactoryAcademy.class).run("--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--spring.data.mongodb.uri=" + storeUri,
                "--sfa.security.issuer-uri=" + KeycloakTestServer.get().issuerUri(), "--sfa.opcua.enabled=false",
                "--sfa.labs.speed=5", "--sfa.cluster.node=" + name, "--sfa.cluster.url=http://127.0.0.1:" + port,
                "--sfa.cluster.secret=" + SECRET);
    }

    @AfterAll
    static void stopThem() {
        if (n1 != null) {
            n1.close();
        }
        if (n2 != null) {
            n2.close();
        }
        if (store != null) {
            store.shutdownNow();
        }
    }

    private static URI at(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> call(ConfigurableApplicationContext node, String method, String path, String json) {
        HttpRequest.Builder r = HttpRequest.newBuilder(at(node, path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return JsonMapper.shared().readTree(r.body());
    }

    private String openAndStartOn(ConfigurableApplicationContext node) {
        String id = ok(call(node, "POST", SCHOOL + "/my/labs", JsonMapper.shared().writeValueAsString(
                Map.of("lab", "conveyor-self-hold", "program", program)))).get("id").asString();
        ok(call(node, "POST", SCHOOL + "/my/labs/" + id + "/commands/start", null));
        return id;
    }

    /** Polls the session on {@code node} until its state satisfies {@code condition} (fails after 20 s). */
    private JsonNode await(ConfigurableApplicationContext node, String id, String what, Predicate<JsonNode> condition) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode state = ok(call(node, "GET", SCHOOL + "/my/labs/" + id, null)).get("state");
            if (condition.test(state)) {
                return state;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what + "; last state " + state);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static boolean runs(ConfigurableApplicationContext node, String id) {
        return node.getBean(LabHost.class).session(id).isPresent();
    }

    @Test
    @Order(1)
    void aBrowserSignedInThroughOneNodeIsSignedInOnTheOther() {
        Browser browser = new Browser();
        URI keycloakLogin = Browser.location(browser.get(Browser.location(browser.get(at(n1, "/")))));
        HttpResponse<String> page = browser.get(keycloakLogin);
        browser.follow(browser.post(Browser.loginFormAction(page.body()),
                Map.of("username", "jb-teacher", "password", "demo1234", "credentialId", ""), Map.of()));

        HttpResponse<String> onTheOther = browser.get(at(n2, "/api/me"));

        assertThat(onTheOther.statusCode()).as(onTheOther.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(onTheOther.body()).get("name").asString()).isEqualTo("jb-teacher");
    }

    @Test
    @Order(2)
    void aStudentsLabMovesToTheNodeTheirRequestReachesAndRunsOnFromWhereItWas() {
        String id = openAndStartOn(n1);
        assertThat(id).startsWith("n1-");
        long onFirst = await(n1, id, "two simulated seconds ran on n1", s -> s.get("timeMs").asLong() >= 2000)
                .get("timeMs").asLong();

        JsonNode onSecond = ok(call(n2, "GET", SCHOOL + "/my/labs/" + id, null)).get("state");

        assertThat(onSecond.get("timeMs").asLong()).isGreaterThanOrEqualTo(onFirst);
        assertThat(onSecond.get("running").asBoolean()).isTrue();
        assertThat(runs(n2, id)).isTrue();
        assertThat(runs(n1, id)).as("the session runs on one node only").isFalse();
        await(n2, id, "the moved session runs on", s -> s.get("timeMs").asLong() > onSecond.get("timeMs").asLong());

        // and back: the node the proxy routes n1's sessions to takes it back the same way
        JsonNode back = ok(call(n1, "GET", SCHOOL + "/my/labs/" + id, null)).get("state");
        assertThat(back.get("timeMs").asLong()).isGreaterThan(onSecond.get("timeMs").asLong());
        assertThat(runs(n1, id)).isTrue();
        assertThat(runs(n2, id)).isFalse();
    }

    @Test
    @Order(3)
    void onlyAPeerWithTheClusterSecretMayAskANodeToLetASessionGo() {
        String id = openAndStartOn(n1);
        for (String secret : new String[] {null, "a-wrong-secret-of-enough-length"}) {
            HttpRequest.Builder r = HttpRequest.newBuilder(at(n1, "/internal/labs/" + id + "/release"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (secret != null) {
                r.header("X-SFA-Cluster-Secret", secret);
            }
            try {
                assertThat(http.send(r.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(runs(n1, id)).isTrue();
    }

    @Test
    @Order(4)
    void aLabWhoseNodeIsGoneContinuesOnTheOtherFromItsLastSnapshotAndTheStaleCopyIsLetGo() {
        String id = openAndStartOn(n1);
        await(n1, id, "a simulated second ran", s -> s.get("timeMs").asLong() >= 1000);
        n1.getBean(LiveLabs.class).checkpoint();
        long snapshot = -1;
        for (JsonNode lab : ok(call(n1, "GET", SCHOOL + "/my/labs", null))) {
            if (lab.get("id").asString().equals(id)) {
                snapshot = lab.get("snapshotTimeMs").asLong();
            }
        }
        assertThat(snapshot).as("the checkpoint's simulated time").isGreaterThanOrEqualTo(1000);

        // n1's port closes as when its process dies; its plant keeps running, as a node cut off would
        ((WebServerApplicationContext) n1).getWebServer().stop();

        JsonNode onSecond = ok(call(n2, "GET", SCHOOL + "/my/labs/" + id, null)).get("state");
        assertThat(onSecond.get("timeMs").asLong()).isGreaterThanOrEqualTo(snapshot);
        assertThat(onSecond.get("running").asBoolean()).isTrue();
        assertThat(runs(n2, id)).isTrue();

        // the cut-off node finds at its next checkpoint that n2 runs the session now, and lets its copy go
        assertThat(runs(n1, id)).isTrue();
        n1.getBean(LiveLabs.class).checkpoint();
        assertThat(runs(n1, id)).isFalse();
        assertThat(runs(n2, id)).isTrue();
    }
}
