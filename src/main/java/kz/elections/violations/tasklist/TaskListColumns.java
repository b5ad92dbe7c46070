package kz.elections.violations.tasklist;

import static kz.elections.violations.model.CaseVariables.ARTICLE;
import static kz.elections.violations.model.CaseVariables.CASE_NUMBER;
import static kz.elections.violations.model.CaseVariables.ELECTION_NAME;
import static kz.elections.violations.model.CaseVariables.OFFENDER_NAME;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Tasklist shows of a case on each of its tasks: the case number, the offender, the article and
 * the election, copied from the case onto the task, as task variables, when the task is created.
 * <p>
 * Tasklist reads a filter's columns with a variable query, and the engine lets a task's candidates
 * (the CEC for a consent, a commission for its registration task) read that task's own variables
 * only ({@code enforceSpecificVariablePermission}); the case's variables stay readable by
 * prosecutors alone. The copies have names of their own so that nothing that reads the case's
 * variables meets them twice; they are written once and are not the case's record.
 */
@Component
public class TaskListColumns {

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
                || !task.getProcessDefinitionId().startsWith(PROCESS_KEY + ":")) {
            return;
        }
        COPIES.forEach((caseVariable, copy) -> {
            Object value = task.getVariable(caseVariable);
            if (value != null) {
                task.setVariableLocal(copy, value);
            }
        });
    }

    private static Map<String, String> column(String caseVariable, String label) {
        return Map.of("name", COPIES.get(caseVariable), "label", label);
    }
}
