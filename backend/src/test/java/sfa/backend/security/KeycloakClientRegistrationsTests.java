package sfa.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signing in while Keycloak is down says so, and works again by itself once Keycloak is back (no restart). */
class KeycloakClientRegistrationsTests {

    @Test
    void whileKeycloakIsDownSigningInIsUnavailableAndOnceItIsBackTheNextSignInWorks() throws Exception {
        int port = sfa.backend.TestPorts.free();
        String issuer = "http://127.0.0.1:" + port + "/realms/sfa";
        var registrations = new KeycloakClientRegistrations(new SecurityProperties(URI.create(issuer), "sfa-web", "secret"));

        assertThatThrownBy(() -> registrations.findByRegistrationId("sfa")).isInstanceOf(SignInUnavailable.class)
                .hasMessageContaining(issuer);

        HttpServer keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        keycloak.createContext("/realms/sfa/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                    + "/protocol/openid-connect/auth\",\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\","
                    + "\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\",\"userinfo_endpoint\":\"" + issuer
                    + "/protocol/openid-connect/userinfo\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        try {
            var registration = registrations.findByRegistrationId("sfa");
            assertThat(registration).isNotNull();
            assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/protocol/openid-connect/auth");
        } finally {
            keycloak.stop(0);
        }
    }
}
