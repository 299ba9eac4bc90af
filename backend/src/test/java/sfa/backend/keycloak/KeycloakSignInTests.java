package sfa.backend.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform against a real Keycloak with the committed realm: bearer tokens of the demo users, forged
 * tokens, and a browser's login (authorization code with PKCE) followed by API calls on its session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sfa.data-dir=memory")
class KeycloakSignInTests {

    private static final String PASSWORD = "demo1234";
    private static Instant classStarted = Instant.now();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("sfa.security.issuer-uri", () -> KeycloakTestServer.get().issuerUri().toString());
    }

    @BeforeAll
    static void startClock() {
        classStarted = Instant.now();
    }

    @AfterAll
    static void reportDuration() {
        System.out.printf("KeycloakSignInTests took %d ms, of which Keycloak's start %d ms%n",
                Duration.between(classStarted, Instant.now()).toMillis(), KeycloakTestServer.get().startup().toMillis());
    }

    @Test
    void aStudentsTokenGivesTheirUsernameRoleAndSchool() {
        JsonNode me = me(KeycloakTestServer.get().token("bs-student1", PASSWORD));

        assertThat(me.get("name").asString()).isEqualTo("bs-student1");
        assertThat(me.get("role").asString()).isEqualTo("student");
        assertThat(me.get("school").asString()).isEqualTo("busan-mechanical");
    }

    @Test
    void aSchoolAdminActsAsTheAdminOfTheirSchool() {
        JsonNode me = me(KeycloakTestServer.get().token("gm-admin", PASSWORD));

        assertThat(me.get("role").asString()).isEqualTo("school-admin");
        assertThat(me.get("school").asString()).isEqualTo("gumi-electronic");
    }

    @Test
    void theProgramAdminHasNoSchool() {
        JsonNode me = me(KeycloakTestServer.get().token("program-admin", PASSWORD));

        assertThat(me.get("role").asString()).isEqualTo("program-admin");
        assertThat(me.get("school").isNull()).isTrue();
    }

    @Test
    void withoutATokenTheApiAnswers401AndDoesNotRedirect() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("/api/me")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRejected() {
        String[] parts = KeycloakTestServer.get().token("bs-student1", PASSWORD).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"busan-mechanical\"", "\"gumi-electronic\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(bearer(tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        String genuine = KeycloakTestServer.get().token("bs-teacher", PASSWORD);
        SignedJWT parsed = SignedJWT.parse(genuine);
        // same claims and key id as Keycloak's, signed with a key Keycloak never had
        RSAKey other = new RSAKeyGenerator(2048).keyID(parsed.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(other.getKeyID()).build(),
                new JWTClaimsSet.Builder(parsed.getJWTClaimsSet()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new RSASSASigner(other));

        assertThat(bearer(forged.serialize()).statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserLogsInAtKeycloakWithPkceAndThenCallsTheApiWithItsSession() {
        Browser browser = new Browser();
        URI keycloakLogin = Browser.location(browser.get(Browser.location(browser.get(api("/")))));

        assertThat(keycloakLogin.toString()).startsWith(KeycloakTestServer.get().issuerUri() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("client_id=sfa-web");

        HttpResponse<String> backWithCode = logIn(browser, keycloakLogin, "jb-teacher");
        assertThat(Browser.location(backWithCode).getPath()).isEqualTo("/login/oauth2/code/sfa");
        browser.follow(backWithCode);

        HttpResponse<String> me = browser.get(api("/api/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.shared().readTree(me.body());
        assertThat(body.get("name").asString()).isEqualTo("jb-teacher");
        assertThat(body.get("role").asString()).isEqualTo("teacher");
        assertThat(body.get("school").asString()).isEqualTo("jeonbuk-mechanical");
    }

    @Test
    void aSessionRequestThatChangesSomethingNeedsTheCsrfToken() {
        Browser browser = loggedIn("jb-student1");

        HttpResponse<String> withoutToken = browser.post(api("/api/me"), Map.of(), Map.of());
        String token = browser.cookie(api("/"), "XSRF-TOKEN").orElseThrow();
        HttpResponse<String> withToken = browser.post(api("/api/me"), Map.of(), Map.of("X-XSRF-TOKEN", token));

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        // past the CSRF check: /api/me simply has no POST
        assertThat(withToken.statusCode()).isEqualTo(405);
    }

    @Test
    void aBearerRequestNeedsNoCsrfToken() {
        HttpRequest post = HttpRequest.newBuilder(api("/api/me"))
                .header("Authorization", "Bearer " + KeycloakTestServer.get().token("jb-student2", PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        assertThat(send(post).statusCode()).isEqualTo(405);
    }

    @Test
    void loggingOutEndsTheKeycloakSessionToo() {
        Browser browser = loggedIn("bs-admin");
        String token = browser.cookie(api("/"), "XSRF-TOKEN").orElseThrow();

        HttpResponse<String> logout = browser.post(api("/logout"), Map.of(), Map.of("X-XSRF-TOKEN", token));
        URI endSession = Browser.location(logout);
        assertThat(endSession.toString()).startsWith(KeycloakTestServer.get().issuerUri() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        browser.follow(logout);

        assertThat(browser.get(api("/api/me")).statusCode()).isEqualTo(401);
        // Keycloak asks for the password again instead of signing the browser straight back in
        HttpResponse<String> again = browser.get(Browser.location(browser.get(Browser.location(browser.get(api("/"))))));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser();
        URI keycloakLogin = Browser.location(browser.get(Browser.location(browser.get(api("/")))));
        browser.follow(logIn(browser, keycloakLogin, username));
        return browser;
    }

    /** Fills in Keycloak's login form; gives Keycloak's redirect back to the platform. */
    private static HttpResponse<String> logIn(Browser browser, URI keycloakLogin, String username) {
        HttpResponse<String> page = browser.get(keycloakLogin);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = browser.post(Browser.loginFormAction(page.body()),
                Map.of("username", username, "password", PASSWORD, "credentialId", ""), Map.of());
        assertThat(submitted.statusCode()).as("Keycloak's answer to the login form:\n%s", submitted.body()).isEqualTo(302);
        return submitted;
    }

    // #15: a renamed student could pose as another in a teacher's lists
    @Test
    void aStudentCannotChangeTheirOwnNameOrUsernameInKeycloaksAccountService() {
        String token = KeycloakTestServer.get().token("jb-student2", PASSWORD);
        URI account = URI.create(KeycloakTestServer.get().issuerUri() + "/account/");
        HttpResponse<String> mine = send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode profile = JsonMapper.shared().readTree(mine.body());
        assertThat(profile.get("firstName").asString()).isEqualTo("데모학생2");

        for (String field : new String[] {"firstName", "lastName", "username"}) {
            var changed = (tools.jackson.databind.node.ObjectNode) profile.deepCopy();
            changed.put(field, field.equals("username") ? "jb-student1" : "데모학생1");
            HttpResponse<String> update = send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(changed.toString())).build());
            assertThat(update.statusCode()).as(field + ": " + update.body()).isIn(400, 409);
            assertThat(update.body()).contains("error-user-attribute-read-only");
        }
        JsonNode after = JsonMapper.shared().readTree(send(HttpRequest.newBuilder(account)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build()).body());
        assertThat(after.get("firstName").asString()).isEqualTo("데모학생2");
        assertThat(after.get("username").asString()).isEqualTo("jb-student2");
    }

    private JsonNode me(String token) {
        HttpResponse<String> response = bearer(token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    private HttpResponse<String> bearer(String token) {
        return send(HttpRequest.newBuilder(api("/api/me")).header("Authorization", "Bearer " + token).build());
    }

    private URI api(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
