package kz.elections.violations.escalation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import kz.elections.violations.election.ElectionLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.*} in application.yaml: how long before an election's freeze an open registration task
 * escalates (a default and per election level), and how often the sweep looks.
 */
@ConfigurationProperties("escalation")
public class EscalationSettings {

    private final BeforeFreeze beforeFreeze = new BeforeFreeze();
    private final Sweep sweep = new Sweep();

    public BeforeFreeze getBeforeFreeze() {
        return beforeFreeze;
    }

    public Sweep getSweep() {
        return sweep;
    }

    /** The lead before the freeze of an election of this level. */
    Duration leadBeforeFreeze(ElectionLevel level) {
        Duration lead = level == null ? null : beforeFreeze.levels.get(level);
        return lead == null ? beforeFreeze.defaultLead : lead;
    }

    public static class BeforeFreeze {

        private Duration defaultLead = Duration.ofHours(24);
        private final Map<ElectionLevel, Duration> levels = new EnumMap<>(ElectionLevel.class);

        /** {@code escalation.before-freeze.default} */
        public Duration getDefault() {
            return defaultLead;
        }

        public void setDefault(Duration lead) {
            if (lead == null || lead.isNegative()) {
                throw new IllegalArgumentException("escalation.before-freeze.default must be a positive duration such as PT24H");
            }
            this.defaultLead = lead;
        }

        /** {@code escalation.before-freeze.levels.<LEVEL>} */
        public Map<ElectionLevel, Duration> getLevels() {
            return levels;
        }
    }

    public static class Sweep {

        private boolean enabled = true;
        private Duration interval = Duration.ofMinutes(1);
        private int batchSize = 200;

        /** {@code escalation.sweep.interval}: the pause between two sweeps of a node. */
        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** {@code escalation.sweep.enabled}: off in the tests, which run the sweep themselves. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** {@code escalation.sweep.batch-size}: overdue tasks read per query. */
        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("escalation.sweep.batch-size must be between 1 and 1000");
            }
            this.batchSize = batchSize;
        }
    }
}
