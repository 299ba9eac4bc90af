package sfa.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerResolverTests {

    private final CallerResolver callers = new CallerResolver();

    private static Map<String, Object> claims(String username, List<String> roles, String school) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "id-" + username);
        claims.put("preferred_username", username);
        claims.put("given_name", "데모교사");
        claims.put("family_name", "구미");
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("school", school);
        return claims;
    }

    private static JwtAuthenticationToken bearer(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return new JwtAuthenticationToken(jwt);
    }

    @Test
    void aUserWithSeveralRolesActsWithTheHighest() {
        Caller caller = callers.of(bearer(claims("gm-teacher", List.of("default-roles-sfa", "student", "teacher"), "gumi-electronic")));

        assertThat(caller.role()).isEqualTo(Role.TEACHER);
    }

    @Test
    void aBearerTokenGivesIdUsernameKoreanOrderedNameAndSchool() {
        Caller caller = callers.of(bearer(claims("gm-teacher", List.of("teacher"), "gumi-electronic")));

        assertThat(caller).isEqualTo(new Caller("id-gm-teacher", "gm-teacher", "구미 데모교사", Role.TEACHER, "gumi-electronic"));
    }

    @Test
    void aBrowserLoginGivesTheSameCallerAsABearerToken() {
        Map<String, Object> claims = claims("gm-teacher", List.of("teacher"), "gumi-electronic");
        Map<String, Object> idTokenClaims = new HashMap<>(claims);
        idTokenClaims.put("iat", Instant.now());
        idTokenClaims.put("exp", Instant.now().plusSeconds(60));
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.NO_AUTHORITIES,
                new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), idTokenClaims));
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(user, AuthorityUtils.NO_AUTHORITIES, "sfa");

        assertThat(callers.of(login)).isEqualTo(callers.of(bearer(claims)));
    }

    @Test
    void aProgramAdminHasNoSchoolEvenIfOneIsSet() {
        Caller caller = callers.of(bearer(claims("program-admin", List.of("program-admin", "teacher"), "busan-mechanical")));

        assertThat(caller.role()).isEqualTo(Role.PROGRAM_ADMIN);
        assertThat(caller.school()).isNull();
    }

    @Test
    void aUserWithoutAPlatformRoleIsDenied() {
        assertThatThrownBy(() -> callers.of(bearer(claims("guest", List.of("default-roles-sfa"), "busan-mechanical"))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("guest");
    }
}
