package sfa.backend.web;

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

    @Bean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongo) {
        return new IdempotencyRecords(mongo);
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
