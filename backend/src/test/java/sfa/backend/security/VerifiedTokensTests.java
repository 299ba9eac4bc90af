package sfa.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

    static Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("s").issuedAt(expires.minusSeconds(600))
                .expiresAt(expires).build();
    }

    @Test
    void aVerifiedTokenIsCheckedOnceAndAnExpiredOneAgainEveryTime() {
        AtomicInteger checks = new AtomicInteger();
        JwtDecoder real = token -> {
            checks.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("bad signature");
            }
            return jwt(token, token.equals("old") ? Instant.now().minusSeconds(1) : Instant.now().plusSeconds(600));
        };
        JwtDecoder cached = (JwtDecoder) new VerifiedTokens().postProcessAfterInitialization(real, "jwtDecoder");

        cached.decode("fresh");
        cached.decode("fresh");
        assertThat(checks).hasValue(1);

        cached.decode("old");
        cached.decode("old");
        assertThat(checks).as("an expired token is never served from memory").hasValue(3);

        assertThatThrownBy(() -> cached.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cached.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).as("a refused token is checked again every time").hasValue(5);
    }

    // #15: tokens were accepted 60 s past their expiry (the decoder's default clock skew)
    @Test
    void aTokenExpiredMoreThanAFewSecondsAgoIsRefusedThoughTheDecoderAllowsAMinute() {
        JwtDecoder lenient = token -> jwt(token, Instant.now().minusSeconds(token.equals("30s-ago") ? 30 : 2));
        JwtDecoder cached = (JwtDecoder) new VerifiedTokens().postProcessAfterInitialization(lenient, "jwtDecoder");

        assertThatThrownBy(() -> cached.decode("30s-ago")).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
        assertThat(cached.decode("2s-ago").getSubject()).as("within the few seconds clocks may differ").isEqualTo("s");
    }
}
