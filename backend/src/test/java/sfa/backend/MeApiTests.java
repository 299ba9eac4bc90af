package sfa.backend;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(properties = {"sfa.data-dir=memory", "management.endpoint.health.show-details=always"})
class MeApiTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvcWithSecurity() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void withoutATokenTheApiAnswers401WithAProblemInKoreanAndEnglish() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.code").value("unauthenticated"))
                .andExpect(jsonPath("$.message.ko").value("먼저 로그인하세요"));
    }

    @Test
    void aSessionRequestWithoutItsCsrfTokenIsRefusedWithAProblemThatSaysWhy() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/schools/busan-mechanical/my/units/self-hold")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("csrf"))
                .andExpect(jsonPath("$.message.ko").value(org.hamcrest.Matchers.containsString("CSRF")));
    }

    @Test
    void aTeachersTokenGivesTheirNameRoleAndSchool() throws Exception {
        mvc.perform(get("/api/me").with(jwt().jwt(j -> j.claim("preferred_username", "teacher.busan")
                        .claim("realm_access", Map.of("roles", List.of("default-roles-sfa", "teacher")))
                        .claim("school", "busan-mechanical"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("teacher.busan"))
                .andExpect(jsonPath("$.role").value("teacher"))
                .andExpect(jsonPath("$.school").value("busan-mechanical"));
    }

    @Test
    void healthIsOpenForTheInstallersMonitoring() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.mongo.status").value("UP"));
    }
}
