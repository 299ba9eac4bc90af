package sfa.lab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A session's login and how wrong passwords slow it down, on a clock the test moves. */
class CredentialsTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
    private final Audit audit = new Audit(1_000);
    private final Credentials credentials = new Credentials(audit, now::get);
    private final Credentials.Issued login = credentials.issue("s1");

    private void wrong(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(credentials.authenticate("s1", "guess" + i)).isEmpty();
        }
    }

    private boolean right() {
        return credentials.authenticate("s1", login.password()).isPresent();
    }

    private void later(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    // #15: wrong passwords were never slowed
    @Test
    void theFirstFewWrongPasswordsInARowCostNothing() {
        wrong(Credentials.FREE_FAILURES);

        assertThat(right()).isTrue();
        assertThat(audit.of("s1")).isEmpty();
    }

    // #15
    @Test
    void oneWrongPasswordMoreLocksTheLoginForASecondEvenForTheRightPassword() {
        wrong(Credentials.FREE_FAILURES + 1);

        assertThat(right()).isFalse();
        later(Duration.ofMillis(999));
        assertThat(right()).isFalse();
        later(Duration.ofMillis(1));
        assertThat(right()).isTrue();
    }

    // #15
    @Test
    void aWrongPasswordAfterTheWaitLocksTheLoginTwiceAsLong() {
        wrong(Credentials.FREE_FAILURES + 1);
        later(Duration.ofSeconds(1));
        wrong(1);

        later(Duration.ofMillis(1_999));
        assertThat(right()).isFalse();
        later(Duration.ofMillis(1));
        assertThat(right()).isTrue();
    }

    @Test
    void theWaitDoublesWithEachWrongPasswordUpToThirtySeconds() {
        int free = Credentials.FREE_FAILURES;

        assertThat(Credentials.delayAfter(free)).isZero();
        assertThat(Credentials.delayAfter(free + 1)).hasSeconds(1);
        assertThat(Credentials.delayAfter(free + 2)).hasSeconds(2);
        assertThat(Credentials.delayAfter(free + 5)).hasSeconds(16);
        assertThat(Credentials.delayAfter(free + 6)).isEqualTo(Credentials.MAX_DELAY).hasSeconds(30);
        assertThat(Credentials.delayAfter(Integer.MAX_VALUE)).isEqualTo(Credentials.MAX_DELAY);
    }

    // #15: a client hammering a locked login must not keep it locked longer, nor learn whether a password was right
    @Test
    void attemptsWhileLockedAreRefusedUncheckedAndDoNotLengthenTheLock() {
        wrong(Credentials.FREE_FAILURES + 1);
        wrong(20);

        later(Duration.ofSeconds(1));
        assertThat(right()).isTrue();
    }

    @Test
    void theRightPasswordStartsTheCountAgain() {
        wrong(Credentials.FREE_FAILURES + 1);
        later(Duration.ofSeconds(1));
        assertThat(right()).isTrue();

        wrong(Credentials.FREE_FAILURES);
        assertThat(right()).isTrue();
    }

    @Test
    void aRenewedLoginIsNotLocked() {
        wrong(Credentials.FREE_FAILURES + 3);

        Credentials.Issued renewed = credentials.issue("s1");

        assertThat(credentials.authenticate("s1", renewed.password())).contains("s1");
    }

    // #15
    @Test
    void theSessionsAuditRecordsEachLockAndEachAttemptRefusedForComingTooSoon() {
        wrong(Credentials.FREE_FAILURES + 1);
        right();

        assertThat(audit.of("s1")).extracting(Audit.Entry::action).containsExactly("login-locked", "login-too-soon");
        assertThat(audit.of("s1").getFirst().detail())
                .startsWith((Credentials.FREE_FAILURES + 1) + " wrong passwords in a row: no login for 1 s, until 2026-03-02T09:00:01Z");
        assertThat(audit.of("s1").getLast().detail()).contains("refused unchecked").contains("2026-03-02T09:00:01Z");
    }
}
