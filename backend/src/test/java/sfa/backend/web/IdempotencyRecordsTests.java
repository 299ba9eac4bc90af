package sfa.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * After a crash of the embedded store's one server, a request that was in flight is released at the next start:
 * its retry runs at once instead of being told to wait two minutes; an answered request is still replayed.
 */
class IdempotencyRecordsTests {

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRequestInFlightWhenTheServerDiedIsReleasedAtTheNextStartAndAnAnsweredOneIsStillReplayed() {
        MongoTemplate mongo = new MongoTemplate(client, "sfa");
        IdempotencyRecords before = new IdempotencyRecords(mongo);
        assertThat(before.begin("interrupted", "body").kind()).isEqualTo(IdempotencyRecords.Kind.FIRST);
        assertThat(before.begin("answered", "body").kind()).isEqualTo(IdempotencyRecords.Kind.FIRST);
        before.finish("answered", 201, "application/json", "{}".getBytes());
        assertThat(before.begin("interrupted", "body").kind()).isEqualTo(IdempotencyRecords.Kind.IN_FLIGHT);

        IdempotencyRecords restarted = new IdempotencyRecords(mongo);
        assertThat(restarted.releaseInFlight()).isEqualTo(1);

        assertThat(restarted.begin("interrupted", "body").kind()).isEqualTo(IdempotencyRecords.Kind.FIRST);
        assertThat(restarted.begin("answered", "body").kind()).isEqualTo(IdempotencyRecords.Kind.REPLAY);
    }
}
