package sfa.backend.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;

/**
 * Browsers' HTTP sessions live in the store ({@link StoredHttpSessions}), not in one node's memory: the nodes of a
 * cluster share them, and a restarted server still knows who signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class HttpSessionConfiguration {

    @Bean
    StoredHttpSessions storedHttpSessions(MongoTemplate mongo,
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return new StoredHttpSessions(mongo, timeout);
    }
}
