package sfa.backend.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Remembers bearer tokens already verified, until they expire: a student's browser or script sends the
 * same token with every request, and checking its RS256 signature each time was about 5 % of the
 * server's CPU under load (docs/benchmarks.md, "API load"). A token is remembered only after the
 * real decoder accepted it (signature, issuer, expiry); on every use its expiry is checked again. Expiry and
 * not-before are held to {@link #CLOCK_SKEW}.
 */
@Component
class VerifiedTokens implements BeanPostProcessor {

    static final int MAX_TOKENS = 20_000;
    /** How far the clocks of Keycloak and this server may differ: a few seconds, not the decoder's default minute. */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(5);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof Cached) ? new Cached(decoder) : bean;
    }

    static final class Cached implements JwtDecoder {
        private final JwtDecoder decoder;
        private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

        Cached(JwtDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public Jwt decode(String token) throws JwtException {
            Jwt known = verified.get(token);
            Instant now = Instant.now();
            if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(now)) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            // the decoder allows 60 s of clock skew by default: a stolen token would live a minute past its expiry
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().plus(CLOCK_SKEW).isBefore(now)) {
                throw new BadJwtException("the token expired at " + jwt.getExpiresAt());
            }
            if (jwt.getNotBefore() != null && jwt.getNotBefore().minus(CLOCK_SKEW).isAfter(now)) {
                throw new BadJwtException("the token is not valid before " + jwt.getNotBefore());
            }
            if (jwt.getExpiresAt() != null) {
                if (verified.size() >= MAX_TOKENS) {
                    verified.values().removeIf(j -> !j.getExpiresAt().isAfter(now));
                    if (verified.size() >= MAX_TOKENS) {
                        verified.clear();
                    }
                }
                verified.put(token, jwt);
            }
            return jwt;
        }
    }
}
