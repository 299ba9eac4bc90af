package sfa.backend.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Korean first; {@code ?lang=en} switches a browser to English (remembered in a cookie), {@code ?lang=ko} back. */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    private final ScriptTexts scriptTexts;

    Languages(ScriptTexts scriptTexts) {
        this.scriptTexts = scriptTexts;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("sfa-lang");
        resolver.setDefaultLocale(Locale.KOREAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // the API answers in both languages and sets no cookie; only pages switch the browser's language
        registry.addInterceptor(change).excludePathPatterns("/api/**");
        registry.addInterceptor(scriptTexts).excludePathPatterns("/api/**");
    }
}
