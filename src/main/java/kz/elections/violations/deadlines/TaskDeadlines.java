package kz.elections.violations.deadlines;

import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.REGISTRATION_FREEZE_FROM_TEXT;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.sanctions.WorkingDays;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The due date of a user task, from the newest deployed version of the DMN table {@code TaskDeadlines}.
 * Every user task of ViolationCase declares {@code camunda:dueDate="${taskDeadlines.dueDate(execution)}"};
 * the engine evaluates it with the execution that arrives at the task, whose current activity is the
 * task. A task due at the registration freeze also writes the case variable
 * {@code registrationFreezeFromText}, the freeze moment as the forms show it.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

    public static final String DECISION_KEY = "TaskDeadlines";
    static final DateTimeFormatter LOCAL_MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final DecisionService decisionService;
    private final ElectionRepository elections;
    private final WorkingDays workingDays;
    private final CurrentUser currentUser;

    public TaskDeadlines(DecisionService decisionService, ElectionRepository elections, WorkingDays workingDays,
                         CurrentUser currentUser) {
        this.decisionService = decisionService;
        this.elections = elections;
        this.workingDays = workingDays;
        this.currentUser = currentUser;
    }

    /** The due date of the user task the execution arrives at (the process model's expression). */
    public Date dueDate(DelegateExecution execution) {
        Election election = election(execution.getVariable(ELECTION_ID));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Deadline deadline = deadline(execution.getCurrentActivityId(), election, now);
        if (deadline.followsTheCalendar() && election != null) {
            execution.setVariable(REGISTRATION_FREEZE_FROM_TEXT, freezeText(election));
        }
        return Date.from(deadline.dueFor(now, election, workingDays));
    }

    /**
     * The table's row for a task of a case of the election (null: a case without an election), created at
     * the given moment: the table may tell a task created in the last days before voting from others.
     */
    Deadline deadline(String taskDefinitionKey, Election election, Instant createdAt) {
        DmnDecisionRuleResult row = currentUser.withoutEngineChecks(() -> decisionService
                .evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("taskDefinitionKey", taskDefinitionKey)
                        .putValue("electionLevel", election == null ? null : election.level().name())
                        .putValue("daysUntilVoting", daysUntilVoting(election, createdAt)))
                .evaluate().getFirstResult());
        if (row == null) {
            throw new IllegalStateException("TaskDeadlines has no row for task " + taskDefinitionKey
                    + ": add one, or keep the last row for any other task");
        }
        // an empty cell of the table is no entry of the row
        Map<String, Object> entries = row.getEntryMap();
        return new Deadline((String) entries.get("term"), (String) entries.get("counting"), (String) entries.get("dueAt"));
    }

    /** The due moment of a task created at the given moment. */
    Instant due(String taskDefinitionKey, Election election, Instant createdAt) {
        return deadline(taskDefinitionKey, election, createdAt).dueFor(createdAt, election, workingDays);
    }

    /** Whole days from the moment's day to the voting day, in the election's zone (null: no election). */
    static Long daysUntilVoting(Election election, Instant moment) {
        if (election == null) {
            return null;
        }
        return java.time.temporal.ChronoUnit.DAYS.between(moment.atZone(election.zone()).toLocalDate(),
                election.votingDay());
    }

    /** The freeze moment as staff read it: {@code 17.03.2023 00:00 (Asia/Almaty)}. */
    public static String freezeText(Election election) {
        return LOCAL_MOMENT.format(election.registrationFreezeFrom().atZone(election.zone()))
                + " (" + election.timeZone() + ")";
    }

    WorkingDays workingDays() {
        return workingDays;
    }

    Election election(Object electionId) {
        return electionId instanceof String id ? elections.find(id).orElse(null) : null;
    }
}
