package kz.elections.violations.escalation;

import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;

import java.util.List;

import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Overdue and escalated counts per election, for views and metrics: {@code overdue} the open tasks of the
 * election's cases past their due date now (engine clock), {@code escalated} the escalations recorded for
 * tasks of its cases (each task once per kind, whether the task is still open or not).
 */
@Component
public class EscalationCounts {

    /** The counts of one election. */
    public record ElectionCounts(String electionId, long overdue, long escalatedBeforeFreeze, long escalatedOverdue) {

        public long escalated() {
            return escalatedBeforeFreeze + escalatedOverdue;
        }
    }

    private final TaskService taskService;
    private final ManagementService managementService;
    private final ElectionRepository elections;
    private final TaskEscalations escalations;
    private final CurrentUser currentUser;

    EscalationCounts(TaskService taskService, ManagementService managementService, ElectionRepository elections,
                     TaskEscalations escalations, CurrentUser currentUser) {
        this.taskService = taskService;
        this.managementService = managementService;
        this.elections = elections;
        this.escalations = escalations;
        this.currentUser = currentUser;
    }

    /** Open tasks of the election's cases past their due date now. */
    public long overdue(String electionId) {
        return currentUser.withoutEngineChecks(() -> taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processVariableValueEquals(ELECTION_ID, electionId).dueBefore(ClockUtil.getCurrentTime()).count());
    }

    /** Escalations of tasks of the election's cases, of one kind. */
    public long escalated(String electionId, EscalationKind kind) {
        return escalations.count(electionId, kind);
    }

    /** Escalations of tasks of the election's cases, of any kind. */
    public long escalated(String electionId) {
        return escalations.count(electionId, null);
    }

    /** Open tasks of the cases that have escalated, of any kind, each task once. */
    public long escalatedOpenTasks() {
        String tasks = managementService.getTableName(Task.class);
        return currentUser.withoutEngineChecks(() -> taskService.createNativeTaskQuery()
                .sql("select count(*) from " + tasks + " T where exists "
                        + "(select 1 from task_escalation E where E.task_id = T.ID_)")
                .count());
    }

    /** The counts of every election. */
    public List<ElectionCounts> perElection() {
        return elections.findAll().stream().map(election -> new ElectionCounts(election.id(), overdue(election.id()),
                escalated(election.id(), EscalationKind.BEFORE_FREEZE), escalated(election.id(), EscalationKind.OVERDUE)))
                .toList();
    }
}
