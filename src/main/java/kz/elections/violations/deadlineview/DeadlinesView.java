package kz.elections.violations.deadlineview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/deadlines}. */
public record DeadlinesView(Instant at, Map<DueState, Long> totals, List<ElectionDeadlines> elections,
                            List<UrgentTask> tasks) {

    /**
     * One election: its freeze, the time left until it (zero once begun), and its open tasks by due state,
     * by district commission and by task.
     */
    public record ElectionDeadlines(String electionId, String name, String level, LocalDate votingDay,
                                    String timeZone, Instant registrationFreezeFrom, long millisUntilFreeze,
                                    boolean freezeBegun, Map<DueState, Long> counts,
                                    List<DistrictDeadlines> districts, List<TaskDeadlines> byTask) {
    }

    /**
     * The open tasks of the cases of one district commission; {@code districtCommission} null: no commission.
     * The complaints' triage tasks count in the election's and the task's figures, not in a commission's.
     */
    public record DistrictDeadlines(String districtCommission, Map<DueState, Long> counts) {
    }

    public record TaskDeadlines(String taskDefinitionKey, Map<DueState, Long> counts) {
    }

    /**
     * A task due by the end of its election's week, most urgent first: a case's ({@code caseNumber}) or a
     * complaint's triage ({@code trackingNumber}).
     */
    public record UrgentTask(String taskId, String taskDefinitionKey, String name, String caseNumber,
                             String trackingNumber, String electionId, String districtCommission, Instant due,
                             DueState dueState, String assignee) {
    }
}
