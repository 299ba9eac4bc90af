package sfa.backend.me;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import sfa.backend.security.Caller;

/** The caller's name, role and school, as Keycloak realm {@code sfa} knows them. */
@RestController
class MeController {

    /**
     * @param name   the username
     * @param role   the realm role: {@code student}, {@code teacher}, {@code school-admin} or {@code program-admin}
     * @param school the school id; {@code null} for a program admin
     */
    record Me(String name, String role, @Nullable String school) {
    }

    @GetMapping("/api/me")
    Me me(Caller caller) {
        return new Me(caller.username(), caller.role().realmRole(), caller.school());
    }
}
