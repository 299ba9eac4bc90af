/**
 * Who the caller is: Keycloak realm {@code sfa} signs users in, by bearer token for the API or by
 * browser login; {@link sfa.backend.security.CallerResolver} turns either into a {@link sfa.backend.security.Caller}.
 */
@NullMarked
package sfa.backend.security;

import org.jspecify.annotations.NullMarked;
