/**
 * The Spring Boot application: web UI, REST API, MongoDB, Keycloak security, labs and reports.
 * Filled by the platform issue; for now it only holds the module's place in the build.
 */
@NullMarked
package sfa.backend;

import org.jspecify.annotations.NullMarked;
