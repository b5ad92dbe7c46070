package kz.elections.violations.tasklist;

import static kz.elections.violations.model.CaseVariables.ARTICLE;
import static kz.elections.violations.model.CaseVariables.CASE_NUMBER;
import static kz.elections.violations.model.CaseVariables.ELECTION_NAME;
import static kz.elections.violations.model.CaseVariables.OFFENDER_NAME;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import kz.elections.violations.triage.TriageVariables;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Tasklist shows of a case on each of its tasks: the case number, the offender, the article and
 * the election, copied from the case onto the task, as task variables, when the task is created; of a
 * complaint on its triage task, the offender named and the election.
 * <p>
 * Tasklist reads a filter's columns with a variable query, and the engine lets a task's candidates
 * (the CEC for a consent, a commission for its registration task) read that task's own variables
 * only ({@code enforceSpecificVariablePermission}); the case's variables stay readable by
 * prosecutors alone. The copies have names of their own so that nothing that reads the case's
 * variables meets them twice; they are written once and are not the case's record. Open tasks created
 * before the copies existed get theirs at start-up.
 */
@Component
public class TaskListColumns {

    private static final Logger LOG = LoggerFactory.getLogger(TaskListColumns.class);

    /**
     * The processes whose tasks get the copies: the cases, and the complaints' triage, whose task shows the
     * complaint's offender and election (its case number comes only with its answer).
     */
    static final List<String> PROCESSES = List.of(PROCESS_KEY, TriageVariables.PROCESS_KEY);

    /** The task variable Tasklist shows, by the case variable it copies. */
    static final Map<String, String> COPIES;

    static {
        Map<String, String> copies = new LinkedHashMap<>();
        copies.put(CASE_NUMBER, "listCaseNumber");
        copies.put(OFFENDER_NAME, "listOffenderName");
        copies.put(ARTICLE, "listArticle");
        copies.put(ELECTION_NAME, "listElectionName");
        COPIES = java.util.Collections.unmodifiableMap(copies);
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    /** Before the application takes requests: tasks created since then got their copies when created. */
    private final Date startedAt = ClockUtil.getCurrentTime();

    public TaskListColumns(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** The names of the task variables this class writes. */
    public static Set<String> names() {
        return Set.copyOf(COPIES.values());
    }

    /** The columns of the Tasklist filters, labelled in Kazakh and Russian. */
    static List<Map<String, String>> filterColumns() {
        return List.of(
                column(CASE_NUMBER, "Іс нөмірі / Номер дела"),
                column(OFFENDER_NAME, "Құқық бұзушы / Нарушитель"),
                column(ARTICLE, "Бап / Статья"),
                column(ELECTION_NAME, "Сайлау / Выборы"));
    }

    /** Every task the engine creates (the starter publishes task events to Spring, in the engine's transaction). */
    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getProcessDefinitionId() == null
                || PROCESSES.stream().noneMatch(key -> task.getProcessDefinitionId().startsWith(key + ":"))) {
            return;
        }
        COPIES.forEach((caseVariable, copy) -> {
            Object value = task.getVariable(caseVariable);
            if (value != null) {
                task.setVariableLocal(copy, value);
            }
        });
    }

    /** The open tasks of cases that have no copy yet (created before this version) get theirs. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    @Transactional
    public void copyToOpenTasks() {
        Set<String> copied = runtimeService.createVariableInstanceQuery()
                .variableName(COPIES.get(CASE_NUMBER)).list().stream().map(VariableInstance::getTaskId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        int count = 0;
        for (Task task : taskService.createTaskQuery().processDefinitionKeyIn(PROCESSES.toArray(String[]::new))
                .taskCreatedBefore(startedAt).list()) {
            if (copied.contains(task.getId()) || task.getExecutionId() == null) {
                continue;
            }
            Map<String, Object> copies = new HashMap<>();
            runtimeService.getVariables(task.getExecutionId(), COPIES.keySet()).forEach((caseVariable, value) -> {
                if (value != null) {
                    copies.put(COPIES.get(caseVariable), value);
                }
            });
            if (!copies.isEmpty()) {
                taskService.setVariablesLocal(task.getId(), copies);
                count++;
            }
        }
        if (count > 0) {
            LOG.info("Tasklist columns: copied the case's columns onto {} open tasks", count);
        }
    }

    private static Map<String, String> column(String caseVariable, String label) {
        return Map.of("name", COPIES.get(caseVariable), "label", label);
    }
}
