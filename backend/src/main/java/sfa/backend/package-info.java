/**
 * The Spring Boot application: REST API, security against Keycloak, MongoDB, labs, progress and
 * reports, one package per feature. So far: the embedded store ({@code store}), bearer-token security
 * ({@code security}) and {@code GET /api/me}.
 */
@NullMarked
package sfa.backend;

import org.jspecify.annotations.NullMarked;
