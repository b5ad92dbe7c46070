package kz.elections.violations.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.security.CurrentUser;
import kz.elections.violations.triage.TriageVariables;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The variables a task's completion (or a case's start) may carry: the input fields its Camunda Form
 * declares, where the task is declared (the form's {@code formRef} in the BPMN). Display-only
 * components (text, images, buttons) set nothing. The case's record, the values the process routes on
 * and whatever the application computes are never a form field, even if a revised form named one; for a
 * complaint's triage, what the application writes of the triage ({@code triage.TriageVariables}).
 */
@Component
public class FormFields {

    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "documentPreview");

    private final FormService forms;
    private final TaskService tasks;
    private final CurrentUser currentUser;

    FormFields(FormService forms, TaskService tasks, CurrentUser currentUser) {
        this.forms = forms;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    /** The fields of the task's form; empty for a task without a Camunda Form. */
    Set<String> ofTask(Task task) {
        // read each time: a form bound "latest" changes when an admin deploys a revision
        return currentUser.withoutEngineChecks(() -> {
            if (tasks.createTaskQuery().taskId(task.getId()).singleResult() == null) {
                return Set.of();
            }
            try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
                return fields(form, writtenByTheApplication(task.getProcessDefinitionId()));
            } catch (RuntimeException noForm) {
                return Set.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The fields of the process's start form; empty for a process without one. */
    Set<String> ofStart(String processDefinitionId) {
        return currentUser.withoutEngineChecks(() -> {
            try (InputStream form = forms.getDeployedStartForm(processDefinitionId)) {
                return fields(form, writtenByTheApplication(processDefinitionId));
            } catch (RuntimeException noForm) {
                return Set.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Set<String> fields(InputStream form, Set<String> writtenByTheApplication) throws IOException {
        Set<String> keys = new LinkedHashSet<>(inputKeys(form.readAllBytes()));
        keys.removeAll(writtenByTheApplication);
        return Set.copyOf(keys);
    }

    /** What only the application writes in instances of the process definition: the case's record, or the triage's. */
    private static Set<String> writtenByTheApplication(String processDefinitionId) {
        return processDefinitionId != null && processDefinitionId.startsWith(TriageVariables.PROCESS_KEY + ":")
                ? TriageVariables.WRITTEN_BY_THE_APPLICATION : CaseVariables.WRITTEN_BY_THE_APPLICATION;
    }

    /** What only the application writes where the form with this id is used: the triage's for its form. */
    public static Set<String> writtenByTheApplicationWhereUsed(String formId) {
        return TriageVariables.FORM_ID.equals(formId) ? TriageVariables.WRITTEN_BY_THE_APPLICATION
                : CaseVariables.WRITTEN_BY_THE_APPLICATION;
    }

    /** The keys of a Camunda Form's input fields (what a submission of it sets). */
    public static Set<String> inputKeys(byte[] form) throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        collect(new ObjectMapper().readTree(form).path("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (!DISPLAY_ONLY.contains(type) && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}
