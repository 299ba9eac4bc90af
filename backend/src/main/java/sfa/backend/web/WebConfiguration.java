package sfa.backend.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import sfa.backend.school.SchoolScope;

/** Every {@code /api/schools/{school}/…} request passes the school's fence first. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final SchoolScope scope;

    WebConfiguration(SchoolScope scope) {
        this.scope = scope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scope).addPathPatterns("/api/schools/*/**", "/api/schools/*");
    }
}
