package kz.elections.violations.intake;

import kz.elections.violations.security.ApiSecurityConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start form's election and region options on the engine's REST API and on the webapps' mount of it. */
@Configuration
class StartFormConfiguration {

    @Bean
    FilterRegistrationBean<StartFormOptions> startFormOptions(IntakeRules rules, RepositoryService repository) {
        FilterRegistrationBean<StartFormOptions> registration =
                new FilterRegistrationBean<>(new StartFormOptions(rules, repository));
        registration.setName("start-form-options");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 40);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
