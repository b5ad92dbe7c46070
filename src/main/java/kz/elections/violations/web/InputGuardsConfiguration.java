package kz.elections.violations.web;

import jakarta.servlet.MultipartConfigElement;
import kz.elections.violations.security.ApiSecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The filters that keep bad input from becoming a 500: the body size limit on every API (larger for the
 * routes a feature declares as a {@link LargeUpload}: a complaint's files, an evidence file), before the
 * authentication filters, so that a body too large is refused before anything reads it; and on the
 * engine's REST API and the webapps' mount of it, the 404 for unknown ids, the refusals' problem bodies
 * and the refusal of Object variables. On {@code /engine-rest} these run after authentication (a caller
 * without credentials gets 401 first) and inside {@code TaskCompletionConflicts}; the webapps
 * authenticate their mount after every filter registered here, and their 401 and 403 pass through.
 * <p>
 * The servlet's multipart parser (Spring MVC's, for the project API) takes at most the largest body a route
 * takes ({@link LargeUpload}, else 5 MiB), per file and in all: each route's own limits are checked by the
 * body limit before the parser and by the feature after it.
 */
@Configuration
class InputGuardsConfiguration {

    static final String[] ENGINE_REST = {"/engine-rest/*", "/camunda/api/engine/*"};

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ObjectProvider<LargeUpload> largeUploads) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(largeUploads.orderedStream().toList()));
        registration.setName("request-body-limit");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER - 10);
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    @Bean
    MultipartConfigElement multipartConfigElement(ObjectProvider<LargeUpload> largeUploads) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long largest = RequestBodyLimit.largestMultipartBody(largeUploads.orderedStream().toList());
        factory.setMaxFileSize(DataSize.ofBytes(largest));
        factory.setMaxRequestSize(DataSize.ofBytes(largest));
        return factory.createMultipartConfig();
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
