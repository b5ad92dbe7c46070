package kz.elections.violations.completion;

import kz.elections.violations.security.ApiSecurityConfiguration;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Two completions of one task at once: the loser's answer says who won (both engine REST mounts). */
@Configuration
class CompletionConfiguration {

    @Bean
    FilterRegistrationBean<TaskCompletionConflicts> taskCompletionConflicts(HistoryService history,
                                                                            CurrentUser currentUser) {
        FilterRegistrationBean<TaskCompletionConflicts> registration =
                new FilterRegistrationBean<>(new TaskCompletionConflicts(history, currentUser));
        registration.setName("task-completion-conflicts");
        // inside the authentication filters, so the engine call it wraps runs as the user
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER + 20);
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
