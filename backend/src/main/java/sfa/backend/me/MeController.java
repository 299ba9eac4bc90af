package sfa.backend.me;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's name, role and school, from the Keycloak token of realm {@code sfa}. */
@RestController
class MeController {

    /** The roles of the realm, most powerful first; a user's role is the first they hold. */
    static final List<String> ROLES = List.of("program-admin", "school-admin", "teacher", "student");

    record Me(String name, String role, String school) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        Object realm = jwt.getClaims().get("realm_access");
        Collection<?> roles = realm instanceof Map<?, ?> m && m.get("roles") instanceof Collection<?> c ? c : List.of();
        String role = ROLES.stream().filter(roles::contains).findFirst().orElse("none");
        String school = jwt.getClaimAsString("school");
        return new Me(name == null ? jwt.getSubject() : name, role, school == null ? "" : school);
    }
}
