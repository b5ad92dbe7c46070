package kz.elections.violations.metrics;

/**
 * Counts of the escalations, provided by the escalation feature as a bean; the metric
 * {@code elections_tasks_escalated} exists only where such a bean does.
 */
public interface EscalationCounts {

    /** Open tasks that have escalated (their case at risk before the freeze, or past the law's term). */
    long escalatedOpenTasks();
}
