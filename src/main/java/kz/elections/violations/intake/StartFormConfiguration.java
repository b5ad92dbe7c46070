package kz.elections.violations.intake;

import kz.elections.violations.security.ApiSecurityConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start form's election options on the engine's REST API and on the webapps' mount of it. */
@Configuration
class StartFormConfiguration {

    @Bean
    FilterRegistrationBean<StartFormElections> startFormElections(IntakeRules rules, RepositoryService repository) {
        FilterRegistrationBean<StartFormElections> registration =
                new FilterRegistrationBean<>(new StartFormElections(rules, repository));
        registration.setName("start-form-elections");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 40);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
