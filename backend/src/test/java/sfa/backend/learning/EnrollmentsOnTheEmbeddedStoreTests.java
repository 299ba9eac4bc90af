package sfa.backend.learning;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The store contract on the embedded default: mongo-java-server with its H2 backend. */
class EnrollmentsOnTheEmbeddedStoreTests extends EnrollmentStoreContract {

    static MongoServer server;
    static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Override
    MongoTemplate mongo() {
        return new MongoTemplate(client, "contract");
    }
}
