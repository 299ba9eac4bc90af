package sfa.lab.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One login per session: the user name is the session id, the password is generated from a
 * {@link SecureRandom} and shown once to the student. Only a salted hash is kept. Revoking a session's
 * login (when it closes, or a teacher ends it) refuses it from then on.
 *
 * <p>Wrong passwords in a row slow a login down: the first {@value #FREE_FAILURES} cost nothing, each
 * one more locks it for {@link #delayAfter} (1 s, doubling up to {@link #MAX_DELAY}). An attempt while it
 * is locked is refused without its password being checked, and does not lengthen the lock; the right
 * password after the wait, or a renewed login, starts the count again. Nothing waits on a thread: Milo
 * validates identities on the server's shared executor, so a lock-out is a refusal, never a sleep.
 */
public final class Credentials {

    /** What the student is given: connect as {@code user} with {@code password}. */
    public record Issued(String user, String password) {
    }

    /** Wrong passwords in a row that cost nothing: a student mistyping, a client set up wrong. */
    public static final int FREE_FAILURES = 5;

    /** The longest a login is locked after wrong passwords. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    /** A login, its wrong passwords in a row, and when it may be tried again ({@link Instant#MIN}: now). */
    private record Account(String session, byte[] salt, byte[] hash, int failures, Instant lockedUntil) {

        Account succeeded() {
            return failures == 0 ? this : new Account(session, salt, hash, 0, Instant.MIN);
        }

        Account failed(Instant now) {
            int n = failures == Integer.MAX_VALUE ? failures : failures + 1;
            return new Account(session, salt, hash, n, now.plus(delayAfter(n)));
        }
    }

    /** No 0/O, 1/l/I: the student types it from a screen. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Audit audit;
    private final InstantSource clock;

    /**
     * @param audit where lock-outs are recorded, against the session (failed logins themselves are recorded
     *     by the OPC UA server, with the client's address)
     * @param clock the wall clock (a lock-out is a matter of real seconds, not of simulated time)
     */
    public Credentials(Audit audit, InstantSource clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** How long a login is locked after {@code failures} wrong passwords in a row: none, then 1 s doubling to {@link #MAX_DELAY}. */
    public static Duration delayAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings >= 30) {
            return MAX_DELAY;
        }
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** A new login for {@code session}, replacing any earlier one (and its lock-out). */
    public Issued issue(String session) {
        char[] pw = new char[PASSWORD_LENGTH];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String password = new String(pw);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        accounts.put(session, new Account(session, salt, hash(salt, password), 0, Instant.MIN));
        return new Issued(session, password);
    }

    /**
     * The session a user name and password open, if they match a login that is not revoked and not locked
     * after wrong passwords; empty otherwise.
     */
    public Optional<String> authenticate(String user, String password) {
        Account a = accounts.get(user);
        if (a == null) {
            // Same work as a real check, so a wrong user name is not faster to discover. No count is kept
            // for names that have no login: anyone could make up millions of them.
            hash(new byte[16], password);
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(a.lockedUntil())) {
            audit.record(user, "server", "login-too-soon", "refused unchecked: locked after " + a.failures()
                    + " wrong passwords in a row until " + a.lockedUntil());
            return Optional.empty();
        }
        boolean right = MessageDigest.isEqual(a.hash(), hash(a.salt(), password));
        // one atomic change of this login's count; a login issued meanwhile (another salt) is left alone
        Account after = accounts.computeIfPresent(user, (k, current) -> current.salt() != a.salt() ? current
                : right ? current.succeeded() : current.failed(now));
        if (right) {
            return Optional.of(a.session());
        }
        if (after != null && after.salt() == a.salt() && after.lockedUntil().isAfter(now)) {
            Duration d = Duration.between(now, after.lockedUntil());
            audit.record(user, "server", "login-locked", after.failures() + " wrong passwords in a row: no login for "
                    + d.toSeconds() + " s, until " + after.lockedUntil());
        }
        return Optional.empty();
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
