package sfa.backend.store;

import com.mongodb.ConnectionString;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A production MongoDB given as {@code spring.data.mongodb.uri} (environment {@code SPRING_DATA_MONGODB_URI}),
 * the name schools know from Spring Boot 3 and our install guide. Boot 4 reads only
 * {@code spring.mongodb.uri}; without this the old name would be silently ignored. When both are set,
 * {@code spring.mongodb.uri} wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.data.mongodb.uri")
class ConfiguredMongo {

    @Bean
    MongoConnectionDetails configuredMongoConnection(Environment env) {
        ConnectionString uri = uri(env);
        return () -> uri;
    }

    /**
     * While the store is unreachable a request waits at most 5 s for it (the driver's default is 30 s), then the
     * user is told to try again ({@code store-unavailable}); a {@code serverSelectionTimeoutMS} in the URI wins.
     */
    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer shortStoreWait(Environment env) {
        boolean given = uri(env).getServerSelectionTimeout() != null;
        return settings -> {
            if (!given) {
                settings.applyToClusterSettings(c -> c.serverSelectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS));
            }
        };
    }

    private static ConnectionString uri(Environment env) {
        return new ConnectionString(env.getProperty("spring.mongodb.uri", env.getRequiredProperty("spring.data.mongodb.uri")));
    }
}
