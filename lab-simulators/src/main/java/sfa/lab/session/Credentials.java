package sfa.lab.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One login per session: the user name is the session id, the password is generated from a
 * {@link SecureRandom} and shown once to the student. Only a salted hash is kept. Revoking a session's
 * login (when it closes, or a teacher ends it) refuses it from then on.
 */
public final class Credentials {

    /** What the student is given: connect as {@code user} with {@code password}. */
    public record Issued(String user, String password) {
    }

    private record Account(String session, byte[] salt, byte[] hash) {
    }

    /** No 0/O, 1/l/I: the student types it from a screen. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    /** A new login for {@code session}, replacing any earlier one. */
    public Issued issue(String session) {
        char[] pw = new char[PASSWORD_LENGTH];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String password = new String(pw);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        accounts.put(session, new Account(session, salt, hash(salt, password)));
        return new Issued(session, password);
    }

    /** The session a user name and password open, if they match a login that is not revoked. */
    public Optional<String> authenticate(String user, String password) {
        Account a = accounts.get(user);
        if (a == null) {
            // Same work as a real check, so a wrong user name is not faster to discover.
            hash(new byte[16], password);
            return Optional.empty();
        }
        return MessageDigest.isEqual(a.hash, hash(a.salt, password)) ? Optional.of(a.session) : Optional.empty();
    }

    public boolean revoke(String session) {
        return accounts.remove(session) != null;
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(salt);
            return d.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
