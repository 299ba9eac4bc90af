package sfa.backend.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ApiDescriptionTests extends ApiTest {

    @Test
    void theOpenApiDescriptionListsTheSchoolScopedEndpointsForALoggedInUser() throws Exception {
        mvc.perform(get("/v3/api-docs").with(oidcLogin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Smart Factory Academy API"))
                .andExpect(jsonPath("$.paths['/api/schools/{school}/my/labs']").exists())
                .andExpect(jsonPath("$.paths['/api/schools/{school}/reports/completion.csv']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.keycloak.scheme").value("bearer"));
    }

    @Test
    void swaggerUiIsServedAfterLoginAndAStrangerIsSentToTheLogin() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(oidcLogin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger")));
        mvc.perform(get("/swagger-ui.html").with(oidcLogin())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/oauth2/authorization/")));
    }
}
