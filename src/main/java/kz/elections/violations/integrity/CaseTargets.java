package kz.elections.violations.integrity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Which process instances a request to the engine's REST API is about: the instance, execution, task,
 * job, external task or incident in its path, or the instance and job ids listed in its body. Read
 * without the engine's checks (the caller decides what the user may see).
 */
@Component
class CaseTargets {

    /** A process instance a request touches, with its case number when it is a ViolationCase. */
    record Target(String processInstanceId, String caseNumber, String targetId) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ExternalTaskService externalTasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CurrentUser currentUser;

    CaseTargets(RuntimeService runtime, TaskService tasks, ManagementService management,
                ExternalTaskService externalTasks, HistoryService history, RepositoryService repository,
                CurrentUser currentUser) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.externalTasks = externalTasks;
        this.history = history;
        this.currentUser = currentUser;
    }

    List<Target> of(EngineRoutes.Match match, JsonNode body) {
        return currentUser.withoutEngineChecks(() -> {
            List<Target> targets = new ArrayList<>();
            String id = match.parameter("id");
            if (id != null) {
                byPath(match.operation().tag(), id).ifPresent(targets::add);
            }
            Set<String> listed = new LinkedHashSet<>();
            texts(body.path("processInstanceIds"), listed);
            if (body.hasNonNull("processInstanceId")) {
                listed.add(body.get("processInstanceId").asText());
            }
            for (String instanceId : listed) {
                instance(instanceId, null).ifPresent(targets::add);
            }
            Set<String> jobIds = new LinkedHashSet<>();
            texts(body.path("jobIds"), jobIds);
            for (String jobId : jobIds) {
                job(jobId).ifPresent(targets::add);
            }
            if (body.hasNonNull("executionId")) {
                execution(body.get("executionId").asText()).ifPresent(targets::add);
            }
            return List.copyOf(new LinkedHashSet<>(targets));
        });
    }

    /** The ViolationCase or other instance with this id, running or ended. */
    Optional<Target> instance(String processInstanceId, String targetId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        String caseNumber = CaseVariables.PROCESS_KEY.equals(instance.getProcessDefinitionKey())
                ? instance.getBusinessKey() : null;
        return Optional.of(new Target(processInstanceId, caseNumber, targetId));
    }

    /**
     * Whether the entity the path names (its {@code id} or {@code key}) does not exist, so that nothing can
     * change and the engine's own 404 answers. False where the gate cannot tell.
     */
    boolean pathTargetMissing(EngineRoutes.Match match) {
        String id = match.parameter("id");
        String key = match.parameter("key");
        String tag = match.operation().tag();
        return currentUser.withoutEngineChecks(() -> {
            if (id != null) {
                return switch (tag) {
                    case "Process Definition" -> repository.createProcessDefinitionQuery().processDefinitionId(id)
                            .count() == 0;
                    case "Job Definition" -> management.createJobDefinitionQuery().jobDefinitionId(id).count() == 0;
                    case "Deployment" -> repository.createDeploymentQuery().deploymentId(id).count() == 0;
                    case "Batch" -> management.createBatchQuery().batchId(id).count() == 0;
                    case "Process Instance", "Process Instance Comment", "Historic Process Instance", "Execution",
                         "Task", "Task Variable", "Task Local Variable", "Task Comment", "Task Attachment",
                         "Task Identity Link", "Job", "External Task", "Incident", "Historic Variable Instance" ->
                            byPath(tag, id).isEmpty();
                    default -> false;
                };
            }
            return key != null && "Process Definition".equals(tag)
                    && repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0;
        });
    }

    /** Whether the current user may read this instance (with the engine's checks). */
    boolean visibleInstance(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** The case's region code, running or ended; null for another process or a case without one. */
    String regionCodeOf(String processInstanceId) {
        return currentUser.withoutEngineChecks(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(CaseVariables.REGION_CODE).list().stream()
                .filter(variable -> variable.getActivityInstanceId() == null
                        || variable.getActivityInstanceId().equals(processInstanceId))
                .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null));
    }

    /** Whether the current user may read a task of this instance (a candidate of it). */
    boolean visibleTasks(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private Optional<Target> byPath(String tag, String id) {
        return switch (tag) {
            case "Process Instance", "Process Instance Comment", "Historic Process Instance" -> instance(id, null);
            case "Execution" -> execution(id);
            case "Task", "Task Variable", "Task Local Variable", "Task Comment", "Task Attachment",
                 "Task Identity Link" -> task(id);
            case "Job" -> job(id);
            case "External Task" -> Optional.ofNullable(externalTasks.createExternalTaskQuery().externalTaskId(id)
                    .singleResult()).map(ExternalTask::getProcessInstanceId).flatMap(pi -> instance(pi, id));
            case "Incident" -> Optional.ofNullable(runtime.createIncidentQuery().incidentId(id).singleResult())
                    .map(Incident::getProcessInstanceId).flatMap(pi -> instance(pi, id));
            case "Historic Variable Instance" -> Optional.ofNullable(history.createHistoricVariableInstanceQuery()
                    .variableId(id).singleResult()).map(HistoricVariableInstance::getProcessInstanceId)
                    .flatMap(pi -> instance(pi, id));
            default -> Optional.empty();
        };
    }

    private Optional<Target> execution(String id) {
        return Optional.ofNullable(runtime.createExecutionQuery().executionId(id).singleResult())
                .map(Execution::getProcessInstanceId).flatMap(pi -> instance(pi, id));
    }

    private Optional<Target> task(String id) {
        return Optional.ofNullable(tasks.createTaskQuery().taskId(id).singleResult()).map(Task::getProcessInstanceId)
                .flatMap(pi -> instance(pi, id));
    }

    private Optional<Target> job(String id) {
        return Optional.ofNullable(management.createJobQuery().jobId(id).singleResult()).map(Job::getProcessInstanceId)
                .flatMap(pi -> instance(pi, id));
    }

    private static void texts(JsonNode array, Set<String> into) {
        if (array.isArray()) {
            array.forEach(item -> into.add(item.asText()));
        }
    }
}
