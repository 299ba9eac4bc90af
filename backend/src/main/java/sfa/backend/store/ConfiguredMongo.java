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
        ConnectionString uri = new ConnectionString(env.getProperty("spring.mongodb.uri",
                env.getRequiredProperty("spring.data.mongodb.uri")));
        return () -> uri;
    }
}
