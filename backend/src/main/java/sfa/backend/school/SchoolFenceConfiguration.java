package sfa.backend.school;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every {@code /api/schools/{school}/…} request passes the school's fence ({@link SchoolScope}) first. */
@Configuration(proxyBeanMethods = false)
class SchoolFenceConfiguration implements WebMvcConfigurer {

    private final SchoolScope scope;

    SchoolFenceConfiguration(SchoolScope scope) {
        this.scope = scope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scope).addPathPatterns("/api/**");
    }
}
