package kz.elections.violations.escalation;

import java.time.Instant;

/**
 * Published (a Spring application event, inside the engine's transaction) when an open task of a case
 * escalates: {@code kind} says why, e.g. {@code BEFORE_FREEZE} (a registration task still open the
 * configured time before the election's freeze) or {@code OVERDUE} (past its due date).
 */
public record TaskEscalated(String taskId, String taskDefinitionKey, String processInstanceId, String caseNumber,
                            String electionId, String kind, Instant at) {
}
