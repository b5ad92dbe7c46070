package kz.elections.violations.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Both REST APIs require HTTP Basic credentials of a user of the engine's identity service. */
@Configuration
public class ApiSecurityConfiguration {

    /**
     * Both authentication filters run at this order, so that filters that need the authenticated user
     * (a later order) can rely on it.
     */
    public static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.setOrder(AUTHENTICATION_ORDER);
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
        registration.setOrder(AUTHENTICATION_ORDER);
        registration.addUrlPatterns("/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html", PROMETHEUS);
        return registration;
    }

    /** The metrics: admins' credentials only; {@code /actuator/health} stays open (load balancers, probes). */
    @Bean
    public FilterRegistrationBean<ActuatorAdminsFilter> actuatorAdmins(CurrentUser currentUser) {
        FilterRegistrationBean<ActuatorAdminsFilter> registration =
                new FilterRegistrationBean<>(new ActuatorAdminsFilter(currentUser));
        registration.setName("actuator-admins");
        registration.setOrder(AUTHENTICATION_ORDER + 1);
        registration.addUrlPatterns(PROMETHEUS);
        return registration;
    }
}
