package kz.elections.violations.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import kz.elections.violations.deadlineview.DueCounts;
import kz.elections.violations.deadlineview.DueState;
import kz.elections.violations.deadlineview.OpenTaskCounts;
import kz.elections.violations.escalation.EscalationCounts;
import kz.elections.violations.notifications.NotificationCounts;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes the snapshot the gauges read, at most once per {@code metrics.snapshot-ttl} of the engine's
 * clock: a scrape of every gauge costs one grouped count per election, two job counts and the
 * notifications' and escalations' counts, however many gauges and tasks there are.
 */
@Component
class OperationsCounts {

    private final OpenTaskCounts openTasks;
    private final ManagementService managementService;
    private final NotificationCounts notifications;
    private final EscalationCounts escalations;
    private final CurrentUser currentUser;
    private final Duration ttl;
    private volatile OperationsSnapshot snapshot;

    OperationsCounts(OpenTaskCounts openTasks, ManagementService managementService,
                     NotificationCounts notifications, EscalationCounts escalations,
                     CurrentUser currentUser,
                     @Value("${metrics.snapshot-ttl:PT5S}") Duration ttl) {
        this.currentUser = currentUser;
        this.openTasks = openTasks;
        this.managementService = managementService;
        this.notifications = notifications;
        this.escalations = escalations;
        this.ttl = ttl;
    }

    OperationsSnapshot snapshot() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        OperationsSnapshot current = snapshot;
        if (current != null && !now.isBefore(current.takenAt()) && now.isBefore(current.takenAt().plus(ttl))) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && !now.isBefore(current.takenAt()) && now.isBefore(current.takenAt().plus(ttl))) {
                return current;
            }
            snapshot = currentUser.withoutEngineChecks(() -> take(now));
            return snapshot;
        }
    }

    private OperationsSnapshot take(Instant now) {
        Map<String, DueCounts> byTask = new TreeMap<>();
        for (OpenTaskCounts.ElectionRows election : openTasks.everyElection()) {
            for (OpenTaskCounts.Row row : election.rows()) {
                byTask.merge(row.taskDefinitionKey(), row.counts(), DueCounts::plus);
            }
        }
        long overdue = byTask.values().stream().mapToLong(c -> c.get(DueState.OVERDUE)).sum();
        long due = managementService.createJobQuery().executable().count();
        long failed = managementService.createJobQuery().noRetriesLeft().count();
        return new OperationsSnapshot(now, byTask, overdue, due, failed, notifications.sent(), notifications.failed(),
                notifications.pending(), escalations.escalatedOpenTasks());
    }
}
