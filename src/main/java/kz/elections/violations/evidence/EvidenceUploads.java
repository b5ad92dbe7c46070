package kz.elections.violations.evidence;

import kz.elections.violations.web.LargeUpload;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An evidence upload ({@code POST /api/cases/{n}/evidence}) takes a body up to the evidence limit. */
@Configuration
class EvidenceUploads {

    @Bean
    LargeUpload evidenceUpload(EvidenceSettings settings) {
        return new LargeUpload("POST", "/api/cases/[^/]+/evidence/?", settings.maxRequestBytes());
    }
}
