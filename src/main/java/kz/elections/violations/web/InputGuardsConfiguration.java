package kz.elections.violations.web;

import kz.elections.violations.security.ApiSecurityConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that keep bad input from becoming a 500: the body size limit on every API, before the
 * authentication filters, so that a body too large is refused before anything reads it.
 */
@Configuration
class InputGuardsConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit() {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit());
        registration.setName("request-body-limit");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER - 10);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        return registration;
    }
}
