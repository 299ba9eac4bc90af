package sfa.backend.security;

import java.util.Collection;
import java.util.Optional;

/**
 * A user's role on the platform, as a realm role of Keycloak realm {@code sfa}. Declared from the least
 * to the most powerful: a user holding several roles acts with the highest.
 */
public enum Role {
    STUDENT("student"),
    TEACHER("teacher"),
    SCHOOL_ADMIN("school-admin"),
    PROGRAM_ADMIN("program-admin");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The realm role's name in Keycloak and in the API's JSON, e.g. {@code school-admin}. */
    public String realmRole() {
        return realmRole;
    }

    /** The highest platform role among the realm roles given; empty when none is a platform role. */
    public static Optional<Role> highestOf(Collection<?> realmRoles) {
        Role highest = null;
        for (Role role : values()) {
            if (realmRoles.contains(role.realmRole)) {
                highest = role;
            }
        }
        return Optional.ofNullable(highest);
    }
}
