package sfa.backend.security;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Browsers' HTTP sessions (who signed in through Keycloak, the sign-in under way) kept in the store, so that any
 * node of a cluster serves a browser whichever node signed it in, and a restart signs no one out. One document a
 * session, written whole in one atomic write; written only when the session changed, or at most once a minute
 * for its last access, so that a class clicking through pages does not write at every request.
 */
public class StoredHttpSessions implements SessionRepository<StoredHttpSessions.StoredSession> {

    private static final Logger log = LoggerFactory.getLogger(StoredHttpSessions.class);

    /** How far the last access may run ahead of the stored one before it is written again. */
    static final Duration ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);

    /**
     * What a stored session may hold when read back: the JDK's, Spring's and the token libraries' classes and ours,
     * within a size and depth; anything else is refused and the browser signs in again.
     */
    private static final ObjectInputFilter READABLE = ObjectInputFilter.Config.createFilter(
            "maxbytes=1000000;maxdepth=40;maxrefs=20000;java.**;javax.**;org.springframework.**;com.nimbusds.**;"
                    + "net.minidev.**;sfa.**;[*;!*");

    @Document("http_sessions")
    record StoredDocument(@Id String id, Date expireAt, Date lastAccess, byte[] data) {
    }

    private final MongoTemplate mongo;
    private final Duration timeout;

    public StoredHttpSessions(MongoTemplate mongo, Duration timeout) {
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    public StoredSession createSession() {
        MapSession s = new MapSession();
        s.setMaxInactiveInterval(timeout);
        return new StoredSession(s, null, null, true);
    }

    @Override
    public void save(StoredSession session) {
        if (session.original != null && !session.original.equals(session.getId())) {
            mongo.remove(Query.query(where("_id").is(session.original)), StoredDocument.class);
        }
        boolean accessMoved = session.storedAccess == null
                || Duration.between(session.storedAccess, session.getLastAccessedTime()).compareTo(ACCESS_WRITTEN_EVERY) >= 0;
        if (!session.changed && !accessMoved && session.getId().equals(session.original)) {
            return;
        }
        Instant access = session.getLastAccessedTime();
        mongo.save(new StoredDocument(session.getId(), Date.from(access.plus(session.getMaxInactiveInterval())),
                Date.from(access), serialise(session.delegate)));
        session.original = session.getId();
        session.storedAccess = access;
        session.changed = false;
    }

    @Override
    public @Nullable StoredSession findById(String id) {
        StoredDocument d = mongo.findById(id, StoredDocument.class);
        if (d == null) {
            return null;
        }
        MapSession s = deserialise(d.data());
        if (s == null || s.isExpired()) {
            deleteById(id);
            return null;
        }
        return new StoredSession(s, id, d.lastAccess().toInstant(), false);
    }

    @Override
    public void deleteById(String id) {
        mongo.remove(Query.query(where("_id").is(id)), StoredDocument.class);
    }

    /** Every minute: sessions past their time are removed (the embedded store has no TTL index). */
    @Scheduled(fixedDelayString = "${sfa.sessions.sweep-ms:60000}", initialDelayString = "${sfa.sessions.sweep-ms:60000}")
    public void removeExpired() {
        try {
            var r = mongo.remove(Query.query(where("expireAt").lt(new Date())), StoredDocument.class);
            if (r.getDeletedCount() > 0) {
                log.debug("{} expired HTTP sessions removed", r.getDeletedCount());
            }
        } catch (DataAccessException e) {
            log.warn("expired HTTP sessions not removed this time: {}", e.getMessage());
        }
    }

    private static byte[] serialise(MapSession s) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        } catch (IOException e) {
            throw new UncheckedIOException("an HTTP session could not be stored: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static @Nullable MapSession deserialise(byte[] data) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(READABLE);
            MapSession s = (MapSession) in.readObject();
            // its id generator is not serialised: without it a sign-in could not renew the session's id
            s.setSessionIdGenerator(org.springframework.session.UuidSessionIdGenerator.getInstance());
            return s;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            // a session stored by another version of the platform, or refused by the filter: the browser signs in again
            log.info("a stored HTTP session could not be read ({}); its browser signs in again", e.toString());
            return null;
        }
    }

    /** A session as read or made by this node, remembering whether it changed since it was stored. */
    public static final class StoredSession implements Session {

        private final MapSession delegate;
        private @Nullable String original;
        private @Nullable Instant storedAccess;
        private boolean changed;

        StoredSession(MapSession delegate, @Nullable String original, @Nullable Instant storedAccess, boolean changed) {
            this.delegate = delegate;
            this.original = original;
            this.storedAccess = storedAccess;
            this.changed = changed;
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            changed = true;
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed |= delegate.getAttribute(name) != null;
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            delegate.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed |= !interval.equals(delegate.getMaxInactiveInterval());
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
