package sfa.backend.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What features need of idempotent requests (see {@link IdempotentRequests}): the header, and the id an attempt made
 * under a key takes, so that a retried submission is stored once however often it is run.
 */
public final class Idempotency {

    /** The request header a client sets to make a state-changing request safe to retry. */
    public static final String HEADER = "Idempotency-Key";

    private Idempotency() {
    }

    /** The same id on every retry by the same caller with the same key; a fresh random id without a key. */
    public static String attemptId(String caller, @Nullable String key) {
        return key == null || key.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((caller + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
