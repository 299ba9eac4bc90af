package sfa.backend.web;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Idempotent requests: the records in the store and the filter, which the API's security chain runs after
 * authorisation (the caller is known there); the server must not also run it as a filter of its own. A
 * configuration rather than components, so that web slices of the tests (no store) leave it out.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /**
     * The records; with the embedded store (a {@link MongoServer} in this JVM, the store's one writer) the requests
     * a crash left in flight are released at startup, or their retries would be told to wait two minutes.
     */
    @Bean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongo, ObjectProvider<MongoServer> embeddedStore) {
        IdempotencyRecords records = new IdempotencyRecords(mongo);
        if (embeddedStore.getIfAvailable() != null) {
            var log = LoggerFactory.getLogger(IdempotencyConfiguration.class);
            try {
                long released = records.releaseInFlight();
                if (released > 0) {
                    log.info("{} idempotent requests were in flight when the server stopped: their retries will run again",
                            released);
                }
            } catch (RuntimeException e) {
                // a convenience, not a reason to stay down: their retries then wait until the records are stale
                log.warn("could not release the idempotent requests left in flight: {}", e.toString());
            }
        }
        return records;
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyRecords records) {
        return new IdempotentRequests(records);
    }

    @Bean
    FilterRegistrationBean<IdempotentRequests> idempotentRequestsNotAlsoAServletFilter(IdempotentRequests filter) {
        FilterRegistrationBean<IdempotentRequests> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
