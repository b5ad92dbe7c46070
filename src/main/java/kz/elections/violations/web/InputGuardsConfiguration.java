package kz.elections.violations.web;

import kz.elections.violations.evidence.EvidenceSettings;
import kz.elections.violations.security.ApiSecurityConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters that keep bad input from becoming a 500: the body size limit on every API (larger for an
 * evidence file, {@code evidence.*}), before the
 * authentication filters, so that a body too large is refused before anything reads it; and on the
 * engine's REST API and the webapps' mount of it, the 404 for unknown ids, the refusals' problem bodies
 * and the refusal of Object variables. On {@code /engine-rest} these run after authentication (a caller
 * without credentials gets 401 first) and inside {@code TaskCompletionConflicts}; the webapps
 * authenticate their mount after every filter registered here, and their 401 and 403 pass through.
 */
@Configuration
class InputGuardsConfiguration {

    static final String[] ENGINE_REST = {"/engine-rest/*", "/camunda/api/engine/*"};

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(EvidenceSettings evidence) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(evidence.maxRequestBytes()));
        registration.setName("request-body-limit");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER - 10);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestUnknownIds> engineRestUnknownIds() {
        FilterRegistrationBean<EngineRestUnknownIds> registration =
                new FilterRegistrationBean<>(new EngineRestUnknownIds());
        registration.setName("engine-rest-unknown-ids");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 30);
        registration.addUrlPatterns(ENGINE_REST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestRefusals> engineRestRefusals() {
        FilterRegistrationBean<EngineRestRefusals> registration = new FilterRegistrationBean<>(new EngineRestRefusals());
        registration.setName("engine-rest-refusals");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 31);
        registration.addUrlPatterns(ENGINE_REST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ObjectVariablesRefusal> objectVariablesRefusal() {
        FilterRegistrationBean<ObjectVariablesRefusal> registration =
                new FilterRegistrationBean<>(new ObjectVariablesRefusal());
        registration.setName("object-variables-refusal");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 32);
        registration.addUrlPatterns(ENGINE_REST);
        return registration;
    }
}
