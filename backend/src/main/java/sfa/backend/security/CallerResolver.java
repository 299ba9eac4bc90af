package sfa.backend.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The one place that turns a sign-in into a {@link Caller}: Keycloak's claims are the same in a bearer
 * token (API clients, tests, students' tools) and in the ID token and user info of a browser login.
 * Controllers simply take a {@code Caller} parameter.
 */
@Component
public class CallerResolver {

    /**
     * The caller of the current request.
     *
     * @throws AuthenticationCredentialsNotFoundException when nobody is signed in (answered with 401)
     * @throws AccessDeniedException when the user holds no platform role (answered with 403)
     */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("nobody is signed in");
        }
        return of(authentication);
    }

    /** The caller behind a Keycloak bearer token or browser login; see {@link #current()} for the errors. */
    public Caller of(Authentication authentication) {
        Map<String, Object> claims = switch (authentication) {
            case JwtAuthenticationToken token -> token.getTokenAttributes();
            // an OidcUser's attributes are its ID token's claims merged with the user info
            case OAuth2AuthenticationToken login -> login.getPrincipal().getAttributes();
            default -> throw new AuthenticationCredentialsNotFoundException(
                    "not a Keycloak sign-in: " + authentication.getClass().getSimpleName());
        };
        String id = text(claims, "sub");
        if (id == null) {
            throw new AuthenticationCredentialsNotFoundException("the token names no subject (sub)");
        }
        String username = firstNonNull(text(claims, "preferred_username"), id);
        Role role = Role.highestOf(realmRoles(claims))
                .orElseThrow(() -> new AccessDeniedException("user " + username + " holds no platform role"));
        return new Caller(id, username, displayName(claims, username), role, text(claims, "school"));
    }

    private static Collection<?> realmRoles(Map<String, Object> claims) {
        return claims.get("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> roles
                ? roles : List.of();
    }

    private static String displayName(Map<String, Object> claims, String username) {
        String family = text(claims, "family_name");
        String given = text(claims, "given_name");
        if (family != null && given != null) {
            return family + " " + given;
        }
        return firstNonNull(text(claims, "name"), username);
    }

    private static @Nullable String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String firstNonNull(@Nullable String first, String second) {
        return first != null ? first : second;
    }
}
