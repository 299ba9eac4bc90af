package sfa.backend.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.push;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query that names an {@code _id} and more is answered from the {@code _id} index, with the same answer as before:
 * the platform's "count this attempt once" updates ({@code {_id: x, attempts: {$ne: a}}}) and school-scoped reads
 * ({@code {_id: x, school: s}}) read one document, not the collection (issue 16).
 */
class IdFirstCollectionTests {

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> enrollments;

    @BeforeEach
    void start() {
        backend = DurableH2Backend.memory();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
        enrollments = client.getDatabase("sfa").getCollection("enrollments");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(new Document("_id", "s" + i).append("school", i % 2 == 0 ? "busan" : "gumi").append("n", i)
                    .append("attempts", List.of()));
        }
        enrollments.insertMany(docs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aQueryNamingAnIdAndMoreReadsOneDocumentAndAnswersAsBefore() {
        // #16
        assertThat(enrollments.find(query("_id", "s4", "school", "busan")).first()).extracting(d -> d.get("n"))
                .isEqualTo(4);
        assertThat(enrollments.find(query("_id", "s4", "school", "gumi")).first()).isNull();
        assertThat(enrollments.find(query("_id", "nobody", "school", "gumi")).first()).isNull();
        assertThat(enrollments.find(query("_id", new Document("$in", List.of("s1", "s2", "s3")), "n", new Document("$gt", 1))).map(d -> d.getString("_id"))
                .into(new ArrayList<>())).containsExactlyInAnyOrder("s2", "s3");

        FindOneAndUpdateOptions returnNew = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document first = enrollments.findOneAndUpdate(query("_id", "s7", "attempts", new Document("$ne", "a1")), push("attempts", "a1"),
                returnNew);
        Document again = enrollments.findOneAndUpdate(query("_id", "s7", "attempts", new Document("$ne", "a1")),
                push("attempts", "a1"), returnNew);
        assertThat(first.getList("attempts", String.class)).containsExactly("a1");
        assertThat(again).as("the same attempt sent twice is counted once").isNull();
        assertThat(enrollments.updateOne(query("_id", "s8", "school", "gumi"), push("attempts", "x"))
                .getMatchedCount()).isZero();

        assertThat(scans()).as("no query above read the whole collection").isZero();
        assertThat(enrollments.countDocuments(eq("school", "gumi"))).isEqualTo(150);
        assertThat(scans()).as("a query without an _id still reads it all").isPositive();
    }

    /** A query as Spring Data's {@code where("_id").is(x).and(...)} sends it: one document, no {@code $and}. */
    private static Document query(String k1, Object v1, String k2, Object v2) {
        return new Document(k1, v1).append(k2, v2);
    }

    private long scans() {
        return ((IdFirstCollection) backend.resolveDatabase("sfa").resolveCollection("enrollments", true)).fullScans();
    }
}
