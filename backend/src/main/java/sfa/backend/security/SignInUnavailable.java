package sfa.backend.security;

/** Keycloak cannot be reached to sign a user in: the browser is told so in its language, not given a 500. */
final class SignInUnavailable extends RuntimeException {

    SignInUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
