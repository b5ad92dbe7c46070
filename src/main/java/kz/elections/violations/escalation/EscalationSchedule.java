package kz.elections.violations.escalation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node sweeps on its own every {@code escalation.sweep.interval} (docs/decisions/0006-escalation.md);
 * {@code escalation.sweep.enabled: false} turns it off (the tests run the sweep themselves).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "escalation.sweep.enabled", havingValue = "true", matchIfMissing = true)
class EscalationSchedule {

    private final EscalationSweep sweep;

    EscalationSchedule(EscalationSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${escalation.sweep.interval:PT1M}", fixedDelayString = "${escalation.sweep.interval:PT1M}")
    void sweepNow() {
        sweep.sweep();
    }
}
