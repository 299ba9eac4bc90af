package sfa.backend.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the embedded store has answered is in its file when the process dies right after it: the store is
 * dropped without a word, as {@code kill -9} leaves it (H2's {@code closeImmediately}: nothing more is written),
 * and opened again. With H2's own once-a-second background commit the writes of the last second were gone
 * (benchmarks/crash-test found it under load).
 */
class DurableH2BackendTests {

    @TempDir
    Path data;

    @Test
    void everyAnsweredWriteIsInTheFileWhenTheProcessDiesRightAfter() {
        String file = data.resolve("sfa-store.mv").toString();
        DurableH2Backend backend = DurableH2Backend.open(file);
        inServer(backend, probe -> {
            for (int i = 0; i < 50; i++) {
                probe.insertOne(new Document("_id", i).append("n", i));
            }
            probe.updateOne(eq("_id", 0), set("n", 100));
            probe.findOneAndUpdate(eq("_id", 1), set("n", 101));
            probe.deleteOne(eq("_id", 49));
            backend.getMvStore().closeImmediately(); // killed: no commit, no close
            return null;
        });

        long[] after = inServer(DurableH2Backend.open(file), probe -> new long[] {probe.countDocuments(),
                probe.find(eq("_id", 0)).first().getInteger("n"), probe.find(eq("_id", 1)).first().getInteger("n")});
        assertThat(after).containsExactly(49, 100, 101);
    }

    @Test
    void aDocumentRewrittenThousandsOfTimesKeepsTheFileSmall() throws Exception {
        String file = data.resolve("sfa-store.mv").toString();
        // a short retention, so that the reuse of old versions' space shows within the test (the platform keeps 10 s)
        DurableH2Backend backend = DurableH2Backend.open(file, 100);
        String snapshot = "x".repeat(20_000); // a live lab's checkpoint, rewritten again and again
        inServer(backend, probe -> {
            probe.insertOne(new Document("_id", "lab").append("snapshot", snapshot).append("n", 0));
            for (int i = 1; i <= 3_000; i++) {
                probe.updateOne(eq("_id", "lab"), set("n", i));
            }
            return null;
        });
        long bytes = java.nio.file.Files.size(Path.of(file));
        System.out.println("store file after 3,000 rewrites of a 20 kB document: " + bytes / 1024 + " kB");
        assertThat(bytes).as("the file reuses the space of old versions").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void documentsOfEveryKindComeBackFromTheFileAsTheyWereWritten() {
        // #16: documents are written as BSON, no longer Java-serialised
        String file = data.resolve("sfa-store.mv").toString();
        Document kinds = new Document("_id", "kinds").append("text", "한글 and English").append("int", 42)
                .append("long", 1L << 40).append("double", 0.1).append("yes", true).append("nothing", null)
                .append("at", new java.util.Date(1_765_000_000_123L)).append("oid", new org.bson.types.ObjectId())
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("nested", new Document("list", java.util.List.of(1, "two", new Document("three", 3.0))))
                .append("empty", java.util.List.of());
        inServer(DurableH2Backend.open(file), probe -> probe.insertOne(kinds));

        Document back = inServer(DurableH2Backend.open(file), probe -> probe.find(eq("_id", "kinds")).first());
        assertThat(back).isEqualTo(kinds);
    }

    @Test
    void aStoreFileWrittenBeforeDocumentsWereBsonIsReadAndKeptUpToDate() {
        // #16: a school's file from an earlier version, whose documents H2 Java-serialised
        String file = data.resolve("sfa-store.mv").toString();
        inServer(new H2Backend(file), probe -> {
            for (int i = 0; i < 120; i++) {
                probe.insertOne(new Document("_id", "e" + i).append("n", i).append("read", java.util.List.of("01")));
            }
            return null;
        });

        long[] mixed = inServer(DurableH2Backend.open(file), probe -> {
            probe.updateOne(eq("_id", "e3"), set("n", 300)); // its page is written again, now as BSON; the others stay as they were
            return new long[] {probe.countDocuments(), probe.find(eq("_id", "e3")).first().getInteger("n"),
                    probe.find(eq("_id", "e119")).first().getInteger("n")};
        });
        long[] again = inServer(DurableH2Backend.open(file), probe -> new long[] {probe.countDocuments(),
                probe.find(eq("_id", "e3")).first().getInteger("n"), probe.find(eq("_id", "e119")).first().getInteger("n"),
                probe.find(eq("_id", "e0")).first().getList("read", String.class).size()});
        assertThat(mixed).containsExactly(120, 300, 119);
        assertThat(again).containsExactly(120, 300, 119, 1);
        boolean refused = inServer(DurableH2Backend.open(file), probe -> {
            try {
                probe.insertOne(new Document("_id", "e7"));
                return false;
            } catch (com.mongodb.MongoWriteException duplicate) {
                return true;
            }
        });
        assertThat(refused).as("the _id index, rebuilt in its new order, still refuses a second e7").isTrue();
    }

    @Test
    void aUniqueIndexFindsAndRefusesByValueAndIsGoneWhenDropped() {
        // #16: the indexes' keys are ordered by value, no longer by their Java serialisation
        String file = data.resolve("sfa-store.mv").toString();
        inServer(DurableH2Backend.open(file), probe -> {
            probe.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 200; i++) {
                probe.insertOne(new Document("_id", i % 2 == 0 ? (Object) ("s" + i) : (Object) i).append("code", 1000 - i));
            }
            return null;
        });
        inServer(DurableH2Backend.open(file), probe -> {
            assertThat(probe.find(eq("_id", "s42")).first().getInteger("code")).isEqualTo(958);
            assertThat(probe.find(eq("_id", 43)).first().getInteger("code")).isEqualTo(957);
            assertThat(probe.find(eq("_id", 43.0)).first()).as("1 and 1.0 are the same key").isNotNull();
            assertThat(probe.find(eq("code", 900)).first().get("_id")).isEqualTo("s100");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> probe.insertOne(new Document("code", 900)))
                    .isInstanceOf(com.mongodb.MongoWriteException.class);
            probe.dropIndex("code_1");
            probe.insertOne(new Document("code", 900));
            assertThat(probe.countDocuments(eq("code", 900))).isEqualTo(2);
            return null;
        });
    }

    private static <T> T inServer(H2Backend backend, Function<MongoCollection<Document>, T> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(server.getConnectionString())) {
            return work.apply(client.getDatabase("sfa").getCollection("probe"));
        } finally {
            try {
                server.shutdownNow();
            } catch (RuntimeException closedAlready) {
                // the killed store cannot close again
            }
        }
    }
}
