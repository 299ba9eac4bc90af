package sfa.backend.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's front page: what the API is, and that it takes Keycloak bearer tokens. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI smartFactoryAcademyApi() {
        return new OpenAPI()
                .info(new Info().title("Smart Factory Academy API")
                        .description("""
                                스마트공장 교육 플랫폼의 REST API입니다. 학교 자료는 /api/schools/{school}/… 아래에 있고, \
                                자기 학교의 자료만 볼 수 있습니다. 오류는 RFC 9457 문제(problem) 형식으로, message.ko와 \
                                message.en에 이유가 있습니다.

                                The REST API of the platform. A school's data is under /api/schools/{school}/…, and \
                                only that school's users (and programme administrators) reach it. Errors are RFC 9457 \
                                problems with the reason in message.ko and message.en. Authenticate with a bearer token \
                                of Keycloak realm sfa (or the browser's session plus its X-XSRF-TOKEN header).""")
                        .version("v1").license(new License().name("open source")))
                .components(new Components().addSecuritySchemes("keycloak", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("keycloak"));
    }
}
