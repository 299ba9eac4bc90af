package sfa.backend.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import sfa.backend.school.SchoolScope;
import sfa.backend.security.CallerResolver;

/** Controllers take a {@code Caller} parameter; every {@code /api/schools/{school}/…} request is scoped. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final CallerResolver callers;
    private final SchoolScope scope;

    WebConfiguration(CallerResolver callers, SchoolScope scope) {
        this.callers = callers;
        this.scope = scope;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(scope).addPathPatterns("/api/schools/*/**", "/api/schools/*");
    }
}
