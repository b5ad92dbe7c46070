package kz.elections.violations.metrics;

import java.time.Instant;
import java.util.Map;

import kz.elections.violations.deadlineview.DueCounts;

/** The counts the gauges read, taken together at one moment of the engine's clock. */
record OperationsSnapshot(Instant takenAt, Map<String, DueCounts> openTasksByTask, long overdueTasks,
                          long jobsDue, long jobsFailed, long notificationsSent, long notificationsFailed,
                          long notificationsPending, long escalatedTasks) {
}
