package sfa.backend.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The web client's registration, read from the realm's OpenID discovery document on the first login
 * rather than at startup (as Spring Boot's properties would): the platform starts, and serves its
 * health and bearer-token API, even while Keycloak is down. A failed discovery is retried on the
 * next login.
 */
final class KeycloakClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "sfa";

    private final SecurityProperties properties;
    private volatile @Nullable ClientRegistration registration;

    KeycloakClientRegistrations(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    private ClientRegistration registration() {
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                try {
                    registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                            .registrationId(REGISTRATION_ID)
                            .clientId(properties.clientId())
                            .clientSecret(properties.clientSecret())
                            .scope("openid", "profile")
                            // the realm requires PKCE (S256) of sfa-web although it is a confidential client
                            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                            .build();
                } catch (RuntimeException e) {
                    throw new SignInUnavailable("cannot reach Keycloak at " + properties.issuerUri()
                            + " (SFA_ISSUER_URI) to sign in: " + e.getMessage(), e);
                }
            }
            return registration;
        }
    }
}
