package sfa.backend.learning;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The store contract on a real MongoDB (the official {@code mongo} image, a one-node replica set) where
 * Docker is available; skipped, and reported as skipped, where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class EnrollmentsOnMongoDbTests extends EnrollmentStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    static MongoClient client;

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    MongoTemplate mongo() {
        if (client == null) {
            client = MongoClients.create(MONGO.getConnectionString());
        }
        return new MongoTemplate(client, "contract");
    }
}
