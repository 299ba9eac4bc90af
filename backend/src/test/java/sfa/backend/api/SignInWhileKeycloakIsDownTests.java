package sfa.backend.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** Keycloak is down: a browser that wants to sign in is told so in its language, and the platform keeps serving. */
@TestPropertySource(properties = "sfa.security.issuer-uri=http://127.0.0.1:9/realms/sfa")
class SignInWhileKeycloakIsDownTests extends ApiTest {

    @Test
    void aBrowserSigningInIsShownThatTheSignInServerCannotBeReachedInKoreanAndEnglish() throws Exception {
        mvc.perform(get("/oauth2/authorization/sfa").accept(MediaType.TEXT_HTML))
                .andExpect(forwardedUrl("/sign-in-unavailable"));

        mvc.perform(get("/sign-in-unavailable").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("로그인 서버(Keycloak)에 연결할 수 없어")));
        mvc.perform(get("/sign-in-unavailable").param("lang", "en").accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("The sign-in server (Keycloak) cannot be reached")));
    }

    @Test
    void studentsWithATokenGoOnWhileKeycloakIsDown() throws Exception {
        mvc.perform(get("/api/schools/gumi-electronic/my/units").with(student("gm-kcdown1", "gumi-electronic")))
                .andExpect(status().isOk());
    }
}
