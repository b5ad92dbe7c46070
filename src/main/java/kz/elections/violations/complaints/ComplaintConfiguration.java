package kz.elections.violations.complaints;

import kz.elections.violations.partners.PartnerKeys;
import kz.elections.violations.security.ApiSecurityConfiguration;
import kz.elections.violations.security.RequestClients;
import kz.elections.violations.web.LargeUpload;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaints' settings; the gate in front of {@code POST /api/complaints} (partner keys and rate
 * limits), before the body limit and the authentication filters, so that a refused submission is not read;
 * and the body limit of that route: every file at its limit, and the complaint's JSON.
 */
@Configuration
@EnableConfigurationProperties(ComplaintProperties.class)
class ComplaintConfiguration {

    static final String COMPLAINTS_PATH = "/api/complaints";

    @Bean
    FilterRegistrationBean<SubmissionGate> complaintSubmissionGate(PartnerKeys partnerKeys, RequestClients clients,
                                                                   ComplaintProperties properties) {
        FilterRegistrationBean<SubmissionGate> registration =
                new FilterRegistrationBean<>(new SubmissionGate(partnerKeys, clients, properties.rateLimits()));
        registration.setName("complaint-submission-gate");
        registration.setOrder(ApiSecurityConfiguration.AUTHENTICATION_ORDER - 20);
        registration.addUrlPatterns(COMPLAINTS_PATH);
        return registration;
    }

    @Bean
    LargeUpload complaintUpload(ComplaintProperties properties) {
        return new LargeUpload("POST", COMPLAINTS_PATH, properties.files().maxRequestBytes());
    }
}
