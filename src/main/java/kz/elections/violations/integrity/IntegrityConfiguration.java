package kz.elections.violations.integrity;

import kz.elections.violations.security.ApiSecurityConfiguration;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The gate on both engine mounts, inside the authentication filters (it needs the user). */
@Configuration
class IntegrityConfiguration {

    @Bean
    FilterRegistrationBean<EngineApiGate> engineApiGate(EngineRoutes routes, StaffRoutes staff, CaseTargets targets,
                                                        Interventions interventions, CurrentUser currentUser,
                                                        IdentityService identity,
                                                        PlatformTransactionManager transactions) {
        FilterRegistrationBean<EngineApiGate> registration = new FilterRegistrationBean<>(
                new EngineApiGate(routes, staff, targets, interventions, currentUser, identity, transactions));
        registration.setName("engine-api-gate");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 15);
        return registration;
    }
}
