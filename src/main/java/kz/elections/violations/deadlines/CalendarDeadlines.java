package kz.elections.violations.deadlines;

import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;
import static kz.elections.violations.model.CaseVariables.REGISTRATION_FREEZE_FROM_TEXT;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionCalendarChanged;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an election's calendar moves, the open tasks of its cases whose row in {@code TaskDeadlines} is a
 * moment of that calendar (the registration tasks, due at the freeze) get their new due date, and their
 * cases the new {@code registrationFreezeFromText}; in the transaction that changed the election, as
 * the application (the user who changed the election need not have rights on the tasks).
 */
@Component
class CalendarDeadlines {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TaskDeadlines deadlines;
    private final CurrentUser currentUser;

    CalendarDeadlines(TaskService taskService, RuntimeService runtimeService, TaskDeadlines deadlines,
                      CurrentUser currentUser) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
    }

    @EventListener
    public void onCalendarChanged(ElectionCalendarChanged change) {
        Election election = change.after();
        currentUser.withoutEngineChecks(() -> {
            move(election);
            return null;
        });
    }

    private void move(Election election) {
        Map<String, Deadline> rows = new HashMap<>();
        List<Task> open = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processVariableValueEquals(ELECTION_ID, election.id()).list();
        String freezeText = TaskDeadlines.freezeText(election);
        for (Task task : open) {
            // one evaluation of the table per task and day of creation before voting, however many tasks
            java.time.Instant created = task.getCreateTime().toInstant();
            Deadline row = rows.computeIfAbsent(task.getTaskDefinitionKey() + "@"
                    + TaskDeadlines.daysUntilVoting(election, created),
                    key -> deadlines.deadline(task.getTaskDefinitionKey(), election, created));
            if (!row.followsTheCalendar()) {
                continue;
            }
            Date due = Date.from(row.dueFor(task.getCreateTime().toInstant(), election, deadlines.workingDays()));
            if (!due.equals(task.getDueDate())) {
                task.setDueDate(due);
                taskService.saveTask(task);
            }
            runtimeService.setVariable(task.getProcessInstanceId(), REGISTRATION_FREEZE_FROM_TEXT, freezeText);
        }
    }
}
