package sfa.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Browsers' sessions in the store: what one node signed in, another node knows; nothing is written needlessly. */
class StoredHttpSessionsTests {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
        mongo = new MongoTemplate(client, "sfa");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static SecurityContextImpl signedIn(String username) {
        OidcIdToken token = new OidcIdToken("token-value", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", "id-of-" + username, "preferred_username", username, "iss", "http://localhost:8180/realms/sfa",
                        "aud", List.of("sfa-web")));
        var user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_student")), token, "preferred_username");
        return new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));
    }

    @Test
    void aBrowserSignedInOnOneNodeIsKnownOnAnotherWithItsSignIn() {
        var nodeA = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        var nodeB = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        var session = nodeA.createSession();
        session.setAttribute("SPRING_SECURITY_CONTEXT", signedIn("jb-student1"));
        nodeA.save(session);

        var found = nodeB.findById(session.getId());
        assertThat(found).isNotNull();
        SecurityContextImpl context = found.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("jb-student1");
        assertThat(found.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSessionWhoseIdChangesAtSignInIsNoLongerFoundUnderItsOldId() {
        var sessions = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        var session = sessions.createSession();
        session.setAttribute("before", "sign-in");
        sessions.save(session);
        String old = session.getId();

        var again = sessions.findById(old);
        String renewed = again.changeSessionId();
        sessions.save(again);

        assertThat(renewed).isNotEqualTo(old);
        assertThat(sessions.findById(old)).isNull();
        assertThat(sessions.findById(renewed).<String>getAttribute("before")).isEqualTo("sign-in");
    }

    @Test
    void pagesReadWithoutAChangeWriteTheLastAccessAtMostOnceAMinute() {
        var sessions = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        var session = sessions.createSession();
        sessions.save(session);
        Instant stored = storedAccess(session.getId());

        var read = sessions.findById(session.getId());
        read.setLastAccessedTime(stored.plusSeconds(30));
        sessions.save(read);
        assertThat(storedAccess(session.getId())).isEqualTo(stored);

        read.setLastAccessedTime(stored.plusSeconds(61));
        sessions.save(read);
        assertThat(storedAccess(session.getId())).isEqualTo(stored.plusSeconds(61));
    }

    private Instant storedAccess(String id) {
        return mongo.findById(id, StoredHttpSessions.StoredDocument.class).lastAccess().toInstant();
    }

    @Test
    void anExpiredSessionIsNotFoundAndTheSweepRemovesIt() {
        var sessions = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        var expired = sessions.createSession();
        expired.setLastAccessedTime(Instant.now().minus(Duration.ofMinutes(31)));
        sessions.save(expired);
        var fresh = sessions.createSession();
        sessions.save(fresh);

        sessions.removeExpired();

        assertThat(mongo.findById(expired.getId(), StoredHttpSessions.StoredDocument.class)).isNull();
        assertThat(sessions.findById(expired.getId())).isNull();
        assertThat(sessions.findById(fresh.getId())).isNotNull();
    }

    /** Not a class a session holds: refused when read back, whatever its bytes would do. */
    record Foreign(String payload) implements Serializable {
    }

    @Test
    void aStoredSessionHoldingAForeignClassIsNotReadAndItsBrowserSignsInAgain() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var session = new org.springframework.session.MapSession();
        session.setAttribute("x", new java.util.ArrayList<>(List.of(new Foreign("gadget"))));
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        // ours too (sfa.**) is readable by the filter, so the foreign class here is outside every allowed package
        byte[] data = bytes.toByteArray();
        String renamed = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("sfa.backend.security.StoredHttpSessionsTests$Foreign", "xfa.backend.security.StoredHttpSessionsTests$Foreign");
        mongo.save(new StoredHttpSessions.StoredDocument(session.getId(), Date.from(Instant.now().plusSeconds(600)),
                new Date(), renamed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

        var sessions = new StoredHttpSessions(mongo, Duration.ofMinutes(30));
        assertThat(sessions.findById(session.getId())).isNull();
        assertThat(mongo.findById(session.getId(), StoredHttpSessions.StoredDocument.class)).isNull();
    }
}
