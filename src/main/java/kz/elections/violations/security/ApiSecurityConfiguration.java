package kz.elections.violations.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Both REST APIs require HTTP Basic credentials of a user of the engine's identity service. */
@Configuration
public class ApiSecurityConfiguration {

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName()));
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ApiAuthenticationFilter> projectApiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.setName("project-api-authentication");
        registration.addUrlPatterns("/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html");
        return registration;
    }
}
