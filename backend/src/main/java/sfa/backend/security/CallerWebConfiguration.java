package sfa.backend.security;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets Spring MVC controllers take a {@link Caller} parameter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class CallerWebConfiguration implements WebMvcConfigurer {

    private final CallerResolver callers;

    CallerWebConfiguration(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(callers));
    }
}
