package kz.elections.violations.deadlines;

import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;
import static kz.elections.violations.model.CaseVariables.REGISTRATION_FREEZE_FROM_TEXT;

import java.util.Date;

import kz.elections.violations.election.Election;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, the open tasks of cases that began before their tasks had due dates (process versions up
 * to 1.3.0, whether migrated to a newer version or not) get the due date the table TaskDeadlines gives
 * them, counted from the task's creation.
 */
@Component
class DueDateBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(DueDateBackfill.class);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TaskDeadlines deadlines;
    private final CurrentUser currentUser;

    DueDateBackfill(TaskService taskService, RuntimeService runtimeService, TaskDeadlines deadlines,
                    CurrentUser currentUser) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        int dated = currentUser.withoutEngineChecks(this::dateTasksWithoutDueDate);
        if (dated > 0) {
            LOG.info("Gave {} open task(s) of earlier cases their due date from {}", dated, TaskDeadlines.DECISION_KEY);
        }
    }

    /** @return how many tasks got a due date */
    int dateTasksWithoutDueDate() {
        int dated = 0;
        for (Task task : taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY).withoutDueDate().list()) {
            Election election = deadlines.election(runtimeService.getVariable(task.getProcessInstanceId(), ELECTION_ID));
            try {
                Deadline row = deadlines.deadline(task.getTaskDefinitionKey(), election, task.getCreateTime().toInstant());
                task.setDueDate(Date.from(row.dueFor(task.getCreateTime().toInstant(), election, deadlines.workingDays())));
                taskService.saveTask(task);
                if (row.followsTheCalendar() && election != null) {
                    runtimeService.setVariable(task.getProcessInstanceId(), REGISTRATION_FREEZE_FROM_TEXT,
                            TaskDeadlines.freezeText(election));
                }
                dated++;
            } catch (RuntimeException undated) {
                LOG.warn("Task {} ({}) of case {} keeps no due date: {}", task.getId(), task.getTaskDefinitionKey(),
                        task.getProcessInstanceId(), undated.getMessage());
            }
        }
        return dated;
    }
}
