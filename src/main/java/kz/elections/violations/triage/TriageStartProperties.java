package kz.elections.violations.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of {@code complaints.triage} in application.yaml: who starts a complaint's triage.
 *
 * @param requestStartsPerSecond while a node receives at most this many complaints a second, each request
 *                               starts its complaint's triage right after storing it, before it answers;
 *                               beyond that, and always when 0, the job executor starts them
 * @param jobDelay               how long after its receipt the job executor starts a triage that its request
 *                               left to it
 */
@ConfigurationProperties("complaints.triage")
record TriageStartProperties(@DefaultValue("20") int requestStartsPerSecond, @DefaultValue("5s") Duration jobDelay) {

    TriageStartProperties {
        if (requestStartsPerSecond < 0 || jobDelay.isNegative()) {
            throw new IllegalArgumentException("complaints.triage: request-starts-per-second is 0 or more, "
                    + "job-delay not negative");
        }
    }
}
