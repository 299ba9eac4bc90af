package sfa.backend.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The store a school gets with nothing installed: when {@code spring.data.mongodb.uri} is not set, a
 * MongoDB-wire server (mongo-java-server) runs in this JVM on a loopback port and keeps its data in an
 * H2 file ({@code sfa.data-dir}, default {@code ./data}), so data survive a restart, also a crash: each write is
 * committed to the file before it is answered ({@link DurableH2Backend}). It has no
 * multi-document transactions; the platform writes each change as one atomic document update.
 * {@code sfa.data-dir=memory} keeps nothing (tests).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongo.NoMongoUri.class)
public class EmbeddedMongo {

    /**
     * Connections to the embedded server. It answers on four I/O threads, each connection pinned to one;
     * an operation waiting for a collection's lock stalls every connection behind it on that thread, so
     * requests wait better in the driver's fair queue than in the server's (docs/benchmarks.md, "API load").
     */
    static final int POOL = Integer.getInteger("sfa.embedded-store.pool", 8);

    static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.data.mongodb.uri")
                    && !context.getEnvironment().containsProperty("spring.mongodb.uri");
        }
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(Environment env) {
        String dir = env.getProperty("sfa.data-dir", "./data");
        H2Backend backend;
        if (dir.equals("memory")) {
            backend = DurableH2Backend.memory();
        } else {
            try {
                Files.createDirectories(Path.of(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + dir, e);
            }
            backend = DurableH2Backend.open(Path.of(dir, "sfa-store.mv").toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /**
     * Boot's own Mongo health check sends {@code hello}, which the embedded server does not know; a
     * {@code ping} tells the same thing: the store answers.
     */
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator mongoHealthIndicator(
            org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return () -> {
            try {
                mongo.executeCommand("{ping: 1}");
                return org.springframework.boot.health.contributor.Health.up().withDetail("store", "embedded").build();
            } catch (RuntimeException e) {
                return org.springframework.boot.health.contributor.Health.down(e).build();
            }
        };
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnection(MongoServer server) {
        ConnectionString uri = new ConnectionString(server.getConnectionString() + "/sfa?maxPoolSize=" + POOL);
        return () -> uri;
    }
}
