package sfa.backend.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform's users sign in: the Keycloak realm {@code sfa} and the web client registered there.
 * Set through {@code SFA_ISSUER_URI}, {@code SFA_CLIENT_ID} and {@code SFA_CLIENT_SECRET} (application.properties).
 *
 * @param issuerUri    the realm's issuer, e.g. {@code http://localhost:8180/realms/sfa}
 * @param clientId     the confidential web client, {@code sfa-web}
 * @param clientSecret its secret; from the environment, never from the code: the published demo secret is refused
 *                     unless Keycloak runs on this machine (the demo set-up of {@code bin/start})
 */
@ConfigurationProperties("sfa.security")
public record SecurityProperties(URI issuerUri, String clientId, String clientSecret) {

    public SecurityProperties {
        if (issuerUri == null || !issuerUri.isAbsolute()) {
            throw new IllegalArgumentException("sfa.security.issuer-uri (SFA_ISSUER_URI) must be an absolute URL, was " + issuerUri);
        }
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("sfa.security.client-id and client-secret (SFA_CLIENT_ID, SFA_CLIENT_SECRET) must be set");
        }
        if (DEMO_SECRET.equals(clientSecret) && !onThisMachine(issuerUri)) {
            throw new IllegalArgumentException("SFA_CLIENT_SECRET is still the demo secret while Keycloak is at " + issuerUri
                    + ": set a new secret for the client " + clientId + " in Keycloak (Clients, Credentials) and give it to the"
                    + " platform as SFA_CLIENT_SECRET (docs/install.md). The demo secret is published with the code.");
        }
    }

    /** The secret of the demo realm's web client (backend/keycloak/sfa-realm.json): for a Keycloak on this machine only. */
    static final String DEMO_SECRET = "demo-web-secret";

    private static boolean onThisMachine(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
