package sfa.benchmarks;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one store the cluster test's nodes share: a MongoDB-wire server (mongo-java-server) keeping its data in an H2
 * file, in its own process, so that killing a node leaves it running. A stand-in for the MongoDB replica set of a
 * production cluster (docs/cluster.md), which this machine cannot run.
 *
 * <pre>java -cp benchmarks.jar sfa.benchmarks.ClusterStore &lt;port&gt; &lt;data folder&gt;</pre>
 */
public final class ClusterStore {

    private ClusterStore() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createDirectories(Path.of(args[1]));
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("store.mv").toString()));
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("store listening on 127.0.0.1:" + port + ", data in " + dir);
        Thread.currentThread().join();
    }
}
