package sfa.backend.security;

import org.jspecify.annotations.Nullable;

/**
 * Who is calling, whichever way they signed in (a bearer token or the browser's session).
 *
 * @param id          Keycloak's stable user id (the token's {@code sub})
 * @param username    the login name, e.g. {@code bs-student1}
 * @param displayName the name to show, family name first as Korean names are written
 * @param role        the highest platform role the user holds
 * @param school      the user's school id, e.g. {@code busan-mechanical}; {@code null} for a program
 *                    admin, who works across all schools, or for a user whose school is not set
 */
public record Caller(String id, String username, String displayName, Role role, @Nullable String school) {

    public Caller {
        if (id.isBlank() || username.isBlank()) {
            throw new IllegalArgumentException("a caller needs an id and a username");
        }
        if (role == Role.PROGRAM_ADMIN) {
            school = null;
        }
    }
}
