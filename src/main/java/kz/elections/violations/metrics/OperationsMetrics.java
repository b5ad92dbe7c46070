package kz.elections.violations.metrics;

import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.elections.violations.deadlineview.DueCounts;
import kz.elections.violations.deadlineview.DueState;
import kz.elections.violations.triage.TriageVariables;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the operators' gauges (names in Prometheus form in docs/operations.md "Metrics"):
 * <ul>
 *   <li>{@code elections_tasks_open{task, due_state}}: open tasks of the cases and of the complaints' triage
 *       ({@code Task_TriageComplaint}) by task definition and due state;
 *   <li>{@code elections_tasks_overdue}: those open tasks past their due date;
 *   <li>{@code elections_jobs_due}: the job executor's backlog, jobs due now with retries left;
 *   <li>{@code elections_jobs_failed}: jobs with no retries left (incidents);
 *   <li>{@code elections_notifications{state}}: e-mail notifications sent, given up and still to send;
 *   <li>{@code elections_tasks_escalated}: open tasks that have escalated.
 * </ul>
 * The task gauges are registered for every user task of the deployed ViolationCase and ComplaintTriage
 * versions when the application is ready (a task that only a version deployed later has gets its gauges at the next start).
 */
@Component
class OperationsMetrics {

    private final MeterRegistry registry;
    private final OperationsCounts counts;
    private final RepositoryService repositoryService;
    private final Set<String> registeredTasks = ConcurrentHashMap.newKeySet();

    OperationsMetrics(MeterRegistry registry, OperationsCounts counts, RepositoryService repositoryService) {
        this.registry = registry;
        this.counts = counts;
        this.repositoryService = repositoryService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        gauge("elections.tasks.overdue", "Open tasks of the cases and the complaints' triage past their due date", OperationsSnapshot::overdueTasks);
        gauge("elections.jobs.due", "Jobs due now with retries left: the job executor's backlog",
                OperationsSnapshot::jobsDue);
        gauge("elections.jobs.failed", "Jobs with no retries left (incidents)", OperationsSnapshot::jobsFailed);
        notificationGauge("sent", OperationsSnapshot::notificationsSent);
        notificationGauge("failed", OperationsSnapshot::notificationsFailed);
        notificationGauge("pending", OperationsSnapshot::notificationsPending);
        gauge("elections.tasks.escalated", "Open tasks that have escalated", OperationsSnapshot::escalatedTasks);
        OperationsSnapshot first = counts.snapshot();
        for (String processKey : List.of(PROCESS_KEY, TriageVariables.PROCESS_KEY)) {
            for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
                    .processDefinitionKey(processKey).list()) {
                for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class)) {
                    taskGauges(task.getId());
                }
            }
        }
        first.openTasksByTask().keySet().forEach(this::taskGauges);
    }

    private void gauge(String name, String description, ToDoubleFunction<OperationsSnapshot> value) {
        Gauge.builder(name, counts, c -> value.applyAsDouble(c.snapshot())).description(description)
                .register(registry);
    }

    private void notificationGauge(String state, ToDoubleFunction<OperationsSnapshot> value) {
        Gauge.builder("elections.notifications", counts, c -> value.applyAsDouble(c.snapshot())).description("E-mail notifications by state").tag("state", state).register(registry);
    }

    private void taskGauges(String taskDefinitionKey) {
        if (!registeredTasks.add(taskDefinitionKey)) {
            return;
        }
        for (DueState state : DueState.values()) {
            Gauge.builder("elections.tasks.open", counts, c -> {
                        OperationsSnapshot snapshot = c.snapshot();
                        DueCounts task = snapshot.openTasksByTask().get(taskDefinitionKey);
                        return task == null ? 0 : task.get(state);
                    })
                    .description("Open tasks of the cases and the complaints' triage by task definition and due state")
                    .tag("task", taskDefinitionKey).tag("due_state", state.name()).register(registry);
        }
    }
}
