package sfa.backend.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The answers given under an Idempotency-Key, one document per caller, request and key; each change is one atomic
 * document write (the embedded store has no transactions): the first request inserts its record (a duplicate insert
 * fails), the answer is stored on it when done.
 */
class IdempotencyRecords {

    /** How long a request may be in flight before a retry takes it over (the server died under it). */
    static final Duration STALE = Duration.ofMinutes(2);
    /** How long an answer is kept for a retry. */
    static final Duration KEPT = Duration.ofDays(1);

    @Document("idempotency_keys")
    record Record(@Id String id, String fingerprint, boolean done, Instant startedAt, int status,
            @Nullable String contentType, Binary body) {
    }

    enum Kind { FIRST, REPLAY, OTHER_BODY, IN_FLIGHT }

    record Outcome(Kind kind, @Nullable Record record) {
    }

    private final MongoTemplate mongo;

    IdempotencyRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        // kept answers expire (where the store supports expiry; the lookup also ignores old ones)
        mongo.indexOps(Record.class).createIndex(new org.springframework.data.mongodb.core.index.Index("startedAt",
                org.springframework.data.domain.Sort.Direction.ASC).expire(KEPT.plus(STALE)));
    }

    /** Claims the key for this request, or says what became of the earlier one. */
    Outcome begin(String id, String fingerprint) {
        Instant now = Instant.now();
        try {
            mongo.insert(new Record(id, fingerprint, false, now, 0, null, new Binary(new byte[0])));
            return new Outcome(Kind.FIRST, null);
        } catch (DuplicateKeyException e) {
            Record r = mongo.findById(id, Record.class);
            if (r == null) {
                return begin(id, fingerprint); // forgotten in between: claim it again
            }
            if (!r.fingerprint().equals(fingerprint)) {
                return new Outcome(Kind.OTHER_BODY, r);
            }
            if (r.done() && r.startedAt().isAfter(now.minus(KEPT))) {
                return new Outcome(Kind.REPLAY, r);
            }
            if (!r.done() && r.startedAt().isAfter(now.minus(STALE))) {
                return new Outcome(Kind.IN_FLIGHT, r);
            }
            // in flight too long (its server died) or kept too long: take it over, if no one else did just now
            Record taken = mongo.findAndModify(Query.query(where("_id").is(id).and("startedAt").is(r.startedAt())),
                    new Update().set("done", false).set("startedAt", now), FindAndModifyOptions.options().returnNew(true),
                    Record.class);
            return new Outcome(taken == null ? Kind.IN_FLIGHT : Kind.FIRST, taken);
        }
    }

    /**
     * Forgets every request still marked in flight, so that their retries run now rather than after {@link #STALE}.
     * Only where this process is the store's one writer (the embedded store): such a request died with the process
     * before it, which a {@code kill -9} left no time to clear its mark. The attempts it may have stored still count
     * once on the retry: their ids come from the key.
     *
     * @return how many were forgotten
     */
    long releaseInFlight() {
        return mongo.remove(Query.query(where("done").is(false)), Record.class).getDeletedCount();
    }

    void finish(String id, int status, @Nullable String contentType, byte[] body) {
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update().set("done", true).set("status", status)
                .set("contentType", contentType).set("body", new Binary(body)), Record.class);
    }

    void forget(String id) {
        mongo.remove(Query.query(where("_id").is(id)), Record.class);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
