package sfa.backend.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The API with the embedded store in memory and tokens shaped like Keycloak's (the fast layer; the
 * tests under {@code keycloak} use real tokens from a real Keycloak).
 */
@SpringBootTest(properties = "sfa.data-dir=memory")
abstract class ApiTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void mockMvcWithSecurity() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** A token of a realm user: {@code role} is student, teacher, school-admin or program-admin. */
    static RequestPostProcessor as(String username, String role, String school) {
        return jwt().jwt(j -> {
            j.subject("id-" + username).claim("preferred_username", username).claim("name", username)
                    .claim("realm_access", Map.of("roles", List.of("default-roles-sfa", role)));
            if (school != null) {
                j.claim("school", school);
            }
        });
    }

    static RequestPostProcessor student(String username, String school) {
        return as(username, "student", school);
    }

    static RequestPostProcessor teacher(String username, String school) {
        return as(username, "teacher", school);
    }
}
