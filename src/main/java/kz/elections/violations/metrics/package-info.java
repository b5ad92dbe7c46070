/**
 * The operators' metrics at {@code GET /actuator/prometheus} (admins only): open tasks by task and due
 * state, overdue tasks, the job executor's backlog and failed jobs, and, where their features provide
 * counts, notifications and escalations. Every gauge reads one snapshot of counts, taken at most once
 * per {@code metrics.snapshot-ttl} of the engine's clock (docs/operations.md "Metrics").
 */
package kz.elections.violations.metrics;
