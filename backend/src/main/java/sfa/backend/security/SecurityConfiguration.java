package sfa.backend.security;

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

/**
 * Two ways in, both through Keycloak realm {@code sfa}:
 * <ul>
 * <li>{@code /api/**} takes a bearer token (tools, tests, students' scripts) or the browser's logged-in
 * session (the web UI). Without either it answers 401, never a redirect. Session requests that change
 * something need the CSRF token (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}); bearer
 * requests need none, as no browser sends a bearer token on its own.</li>
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

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        // the resource server ignores CSRF for requests carrying a bearer token
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.denied()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.denied()))
                .csrf(c -> c.spa());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(o -> o.loginPage("/oauth2/authorization/" + KeycloakClientRegistrations.REGISTRATION_ID))
                .logout(l -> l.logoutSuccessHandler(endKeycloakSession))
                .csrf(c -> c.spa());
        return http.build();
    }
}
