package sfa.backend.security;

import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in, both through Keycloak realm {@code sfa}:
 * <ul>
 * <li>{@code /api/**} takes a bearer token (tools, tests, students' scripts; a chain of its own with no session,
 * CSRF or saved request) or the browser's logged-in session (the web UI). Without either it answers 401, never a
 * redirect. Session requests that change something need the CSRF token (cookie {@code XSRF-TOKEN}, header
 * {@code X-XSRF-TOKEN}); bearer requests need none, as no browser sends a bearer token on its own.</li>
 * <li>Every other page asks the browser to log in at Keycloak (authorization code with PKCE); logging
 * out also ends the Keycloak session. Health is open for the installer's monitoring.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    ClientRegistrationRepository keycloakClientRegistrations(SecurityProperties properties) {
        return new KeycloakClientRegistrations(properties);
    }

    /** The firewall's refusals (before any filter chain) as problems, like every other refusal. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler rejectedRequests() {
        return ProblemResponses.rejected();
    }

    /**
     * Requests between the nodes of a cluster: no browser, no token; the handler checks the cluster's secret
     * ({@code sfa.backend.lab.LabHandover}) and answers 404 without it.
     */
    @Bean
    @Order(0)
    SecurityFilterChain internal(HttpSecurity http) throws Exception {
        http.securityMatcher("/internal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * Spring Security's observations wrap every filter of every request in an observation that nothing reads; with
     * them off by a property the wrappers still ran (about 3 % of a request's CPU, issue 16). This removes them.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** An API request that carries a bearer token: a script, a tool, the load test, never a browser on its own. */
    static final RequestMatcher BEARER_API = new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            request -> {
                String authorization = request.getHeader("Authorization");
                return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            });

    /**
     * {@code /api/**} with a bearer token: the token alone says who calls, so there is no session to read or make, no
     * CSRF token (no browser sends a bearer token by itself), no saved request and no logout. Most API traffic is
     * this; the filters a browser's session needs were a fifth of its CPU (issue 16).
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerApi(HttpSecurity http,
            org.springframework.beans.factory.ObjectProvider<sfa.backend.web.IdempotentRequests> idempotent) throws Exception {
        apiWithTokens(http.securityMatcher(BEARER_API), idempotent)
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(r -> r.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .csrf(c -> c.disable());
        return http.build();
    }

    /** {@code /api/**} from the web UI: the browser's signed-in session, with the CSRF token on every change. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http,
            org.springframework.beans.factory.ObjectProvider<sfa.backend.web.IdempotentRequests> idempotent) throws Exception {
        // requests with a bearer token went to bearerApi; here the resource server only gives a request without a session
        // its 401 (with WWW-Authenticate: Bearer)
        apiWithTokens(http.securityMatcher("/api/**"), idempotent).csrf(c -> c.spa());
        return http.build();
    }

    /**
     * What both API chains share: every request signed in, bearer tokens checked, refusals as problems (401, never a
     * redirect), and retried requests under an Idempotency-Key answered once the caller is known and allowed (the
     * filter is absent in web test slices).
     */
    private static HttpSecurity apiWithTokens(HttpSecurity http,
            org.springframework.beans.factory.ObjectProvider<sfa.backend.web.IdempotentRequests> idempotent) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.denied()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.denied()));
        idempotent.ifAvailable(f -> http.addFilterAfter(f,
                org.springframework.security.web.access.intercept.AuthorizationFilter.class));
        return http;
    }

    /**
     * The pages run only the platform's own scripts (no inline script, no eval, nothing from elsewhere: a lesson or a
     * student's text can never bring one in), are never framed, and send forms only to the platform and to
     * Keycloak (signing out ends there). Inline styles stay allowed: the charts and the editor set them.
     */
    static String contentSecurityPolicy(SecurityProperties properties) {
        URI issuer = properties.issuerUri();
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloak;
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, SecurityProperties properties)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error", SignInPages.UNAVAILABLE,
                                SignInPages.FAILED, "/css/**", "/js/**", "/webjars/**", "/favicon.svg").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(o -> o.loginPage("/oauth2/authorization/" + KeycloakClientRegistrations.REGISTRATION_ID)
                        .failureHandler((request, response, e) -> request.getRequestDispatcher(SignInPages.FAILED)
                                .forward(request, response)))
                .addFilterBefore(new SignInPages.KeycloakReachable(registrations),
                        org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter.class)
                .logout(l -> l.logoutSuccessHandler(endKeycloakSession))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(c -> c.spa());
        return http.build();
    }
}
