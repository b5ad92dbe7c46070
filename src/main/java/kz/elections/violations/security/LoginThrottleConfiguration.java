package kz.elections.violations.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login throttle: its filter in front of the authentication filters of both REST APIs and of the
 * webapps' login, and the witness just inside them.
 */
@Configuration
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    /** Every path on which a password is checked: the URL patterns of both authentication filters and the webapps' API. */
    private static final String[] PASSWORD_PATHS = {"/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html",
            "/engine-rest/*", "/camunda/api/*"};

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties limits) {
        return new LoginThrottle(limits, new EngineClock());
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
            @Value("${security.trusted-proxies:}") List<String> trustedProxies) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, new ClientAddresses(trustedProxies)));
        registration.setName("login-throttle");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER - 50);
        registration.addUrlPatterns(PASSWORD_PATHS);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AuthenticatedUserWitness> authenticatedUserWitness(IdentityService identityService) {
        FilterRegistrationBean<AuthenticatedUserWitness> registration =
                new FilterRegistrationBean<>(new AuthenticatedUserWitness(identityService));
        registration.setName("authenticated-user-witness");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 1);
        registration.addUrlPatterns("/api/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html", "/engine-rest/*");
        return registration;
    }
}
