package sfa.backend.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform's users sign in: the Keycloak realm {@code sfa} and the web client registered there.
 * Set through {@code SFA_ISSUER_URI}, {@code SFA_CLIENT_ID} and {@code SFA_CLIENT_SECRET} (application.properties).
 *
 * @param issuerUri    the realm's issuer, e.g. {@code http://localhost:8180/realms/sfa}
 * @param clientId     the confidential web client, {@code sfa-web}
 * @param clientSecret its secret
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
    }
}
