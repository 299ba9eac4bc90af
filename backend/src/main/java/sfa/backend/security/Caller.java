package sfa.backend.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the Keycloak user behind a bearer token or a browser login.
 *
 * @param id the token's subject
 * @param school the school the user belongs to; none for a programme administrator
 */
public record Caller(String id, String username, String displayName, Role role, @Nullable String school) {

    /** The realm's roles, least powerful first; a user's role is the most powerful one they hold. */
    public enum Role {
        STUDENT("student"), TEACHER("teacher"), SCHOOL_ADMIN("school-admin"), PROGRAM_ADMIN("program-admin");

        private final String realmRole;

        Role(String realmRole) {
            this.realmRole = realmRole;
        }

        public String realmRole() {
            return realmRole;
        }
    }
}
