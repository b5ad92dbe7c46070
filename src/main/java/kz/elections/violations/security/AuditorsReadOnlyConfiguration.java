package kz.elections.violations.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auditors' read-only guard on both REST APIs, after their authentication. */
@Configuration
class AuditorsReadOnlyConfiguration {

    @Bean
    public FilterRegistrationBean<AuditorsReadOnlyFilter> auditorsReadOnly(IdentityService identityService) {
        FilterRegistrationBean<AuditorsReadOnlyFilter> registration =
                new FilterRegistrationBean<>(new AuditorsReadOnlyFilter(identityService));
        registration.setName("auditors-read-only");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 10);
        return registration;
    }
}
