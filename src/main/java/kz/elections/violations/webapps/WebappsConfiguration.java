package kz.elections.violations.webapps;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebappsConfiguration {

    /** The webapps' languages besides the fallback, as their config.js files offer them. */
    private static final List<String> OTHER_LANGUAGES = List.of("kk", "en");

    @Bean
    FilterRegistrationBean<FallbackLocaleDates> fallbackLocaleDates() {
        FilterRegistrationBean<FallbackLocaleDates> registration =
                new FilterRegistrationBean<>(new FallbackLocaleDates(OTHER_LANGUAGES));
        registration.addUrlPatterns("/camunda/app/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
