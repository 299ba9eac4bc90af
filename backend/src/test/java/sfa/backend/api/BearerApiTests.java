package sfa.backend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MvcResult;

/** The API as a script or tool calls it: a bearer token in the Authorization header and nothing else (issue 16). */
class BearerApiTests extends ApiTest {

    @TestConfiguration
    static class OneKnownToken {
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> {
                if (!token.equals("teacher-token")) {
                    throw new BadJwtException("unknown token");
                }
                return Jwt.withTokenValue(token).header("alg", "RS256").subject("id-teacher.busan")
                        .claim("preferred_username", "teacher.busan").claim("school", "busan-mechanical")
                        .claim("realm_access", Map.of("roles", List.of("default-roles-sfa", "teacher")))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
            };
        }
    }

    @Test
    void aBearerRequestIsAnsweredWithoutMakingASessionOrACsrfCookie() throws Exception { // #16
        MvcResult r = mvc.perform(get("/api/me").param("lang", "en").header("Authorization", "Bearer teacher-token"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("teacher.busan"))
                .andReturn();

        assertThat(r.getResponse().getHeaders("Set-Cookie")).as("cookies set").isEmpty();
        assertThat(r.getRequest().getSession(false)).as("session").isNull();
    }

    @Test
    void aBearerRequestWithAnUnknownTokenIsRefusedWithAProblemInKoreanAndEnglish() throws Exception { // #16
        mvc.perform(get("/api/me").header("Authorization", "Bearer forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid-token"))
                .andExpect(jsonPath("$.message.ko").isNotEmpty())
                .andExpect(jsonPath("$.message.en").isNotEmpty());
    }

    @Test
    void aBearerRequestThatChangesSomethingNeedsNoCsrfToken() throws Exception { // #16
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/schools/busan-mechanical/my/units/self-hold")
                        .header("Authorization", "Bearer teacher-token"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isNotEqualTo(403));
    }
}
