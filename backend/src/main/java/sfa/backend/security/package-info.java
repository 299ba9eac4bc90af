/** Who the caller is: Keycloak's JWTs for the API (OAuth2 resource server). */
@NullMarked
package sfa.backend.security;

import org.jspecify.annotations.NullMarked;
