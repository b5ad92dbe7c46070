package kz.elections.violations.steps;

/**
 * Published (a Spring application event, inside the engine's transaction) when a case closes:
 * {@code activityInstanceId} is the visit of the step that closed it, so that a case closed, reopened and
 * closed again gives two events.
 */
public record CaseClosed(String processInstanceId, String activityInstanceId, String caseNumber, String outcome) {
}
