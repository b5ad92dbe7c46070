package kz.elections.violations.audit;

import kz.elections.violations.security.ApiSecurityConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auditors' read-only guard on both REST APIs, after their authentication. */
@Configuration
public class AuditWebConfiguration {

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
