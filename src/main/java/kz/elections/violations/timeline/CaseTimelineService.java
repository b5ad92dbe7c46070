package kz.elections.violations.timeline;

import kz.elections.violations.tasklist.TaskListColumns;
import kz.elections.violations.model.IdentifierMask;
import kz.elections.violations.reporting.CaseReportRepository;
import static kz.elections.violations.model.CaseVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.freeze.RegistrationFreeze;
import kz.elections.violations.integrity.Interventions;
import kz.elections.violations.escalation.TaskEscalations;
import kz.elections.violations.evidence.CaseEvidenceStore;
import kz.elections.violations.evidence.EvidenceFile;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.springframework.stereotype.Service;

/**
 * Builds a case's timeline from the engine's history, reading each history table by process instance
 * id (indexed): activities, variable updates, tasks, the user operation log (who completed a task or
 * correlated a message), the job log (timers) and incidents; and the application's own records of the
 * case: interventions, escalations and evidence files.
 */
@Service
public class CaseTimelineService {

    private static final Set<String> MESSAGE_ACTIVITIES = Set.of("intermediateMessageCatch", "boundaryMessage",
            "messageStartEvent", "receiveTask", "startEvent");
    private static final Set<String> IDENTIFIERS = Set.of(OFFENDER_IIN, OFFENDER_BIN);

    /** Interventions that cancel activities: they withdraw tasks. */
    private static final Set<String> MODIFICATIONS = Set.of("modifyProcessInstance", "modifyProcessInstanceAsyncOperation",
            "executeModification", "executeModificationAsync", "deleteProcessInstance",
            "deleteProcessInstancesAsyncOperation", "executeMigrationPlan", "executeMigrationPlanAsync");

    private final HistoryService history;
    private final RepositoryService repository;
    private final CaseReportRepository reports;
    private final Interventions interventions;
    private final TaskEscalations escalations;
    private final CaseEvidenceStore evidence;

    public CaseTimelineService(HistoryService history, RepositoryService repository, CaseReportRepository reports,
                               Interventions interventions, TaskEscalations escalations, CaseEvidenceStore evidence) {
        this.history = history;
        this.repository = repository;
        this.reports = reports;
        this.interventions = interventions;
        this.escalations = escalations;
        this.evidence = evidence;
    }

    public CaseTimeline timeline(String caseNumber, boolean showIdentifiers) {
        HistoricProcessInstance instance = reports.processInstanceIdOf(caseNumber)
                .map(id -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult())
                .orElseGet(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().desc()
                        .listPage(0, 1).stream().findFirst().orElse(null));
        if (instance == null) {
            throw new NotFoundException("No case with number " + caseNumber);
        }
        String id = instance.getId();
        List<UserOperationLogEntry> operations = history.createUserOperationLogQuery().processInstanceId(id).list();
        Map<String, String> userOfOperation = new HashMap<>();
        Map<String, String> completerOfTask = new HashMap<>();
        for (UserOperationLogEntry operation : operations) {
            userOfOperation.putIfAbsent(operation.getOperationId(), operation.getUserId());
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operation.getOperationType())
                    && operation.getTaskId() != null) {
                completerOfTask.putIfAbsent(operation.getTaskId(), operation.getUserId());
            }
        }

        List<Sortable> entries = new ArrayList<>();
        Map<String, String> reasonOfTask = new HashMap<>();
        Map<String, Object> current = variables(id, showIdentifiers, userOfOperation, reasonOfTask, entries);
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(id).list();
        Map<String, Integer> versions = new HashMap<>();
        for (HistoricActivityInstance activity : activities) {
            entries.add(new Sortable(step(activity, versions), sequence(activity)));
            if (isFreezeEvent(activity) && activity.getEndTime() != null && !activity.isCanceled()) {
                // the election's freeze timer fired and reached this case by its message
                entries.add(new Sortable(TimelineEntry.of(instant(activity.getEndTime()), "TIMER_FIRED",
                        activity.getActivityId(), null)
                        .withStep(activity.getActivityName(), activity.getActivityType(), null, null, null)
                        .withDetail("the election's registration freeze timer (" + RegistrationFreeze.FREEZE_TIMER
                                + " of " + RegistrationFreeze.FREEZE_PROCESS_KEY + ")")
                        .withReason(text(current.get(REGISTRATION_REASON), null)), sequence(activity)));
            } else if (MESSAGE_ACTIVITIES.contains(activity.getActivityType()) && isMessage(activity)
                    && activity.getEndTime() != null && !activity.isCanceled()) {
                entries.add(new Sortable(TimelineEntry.of(instant(activity.getEndTime()), "MESSAGE_RECEIVED",
                        // the engine's user operation log does not record who correlated a single message
                        activity.getActivityId(), null)
                        .withStep(activity.getActivityName(), activity.getActivityType(), null, null, null),
                        sequence(activity)));
            }
        }
        List<Interventions.Intervention> repairs = interventions.ofProcessInstance(id);
        tasks(id, activities, completerOfTask, reasonOfTask, current, repairs, entries);
        for (Interventions.Intervention repair : repairs) {
            entries.add(new Sortable(TimelineEntry.of(repair.at(), "INTERVENTION", null, repair.userId())
                    .withReason(repair.reason()).withDetail(repair.operation() + ": " + repair.path()), Long.MAX_VALUE));
        }
        for (TaskEscalations.Escalation escalation : escalations.ofProcessInstance(id)) {
            // the task's escalation: its kind (BEFORE_FREEZE, OVERDUE) as the detail
            entries.add(new Sortable(TimelineEntry.of(escalation.escalatedAt(), "ESCALATED",
                    escalation.taskDefinitionKey(), null).withDetail(escalation.kind().name()), Long.MAX_VALUE - 1));
        }
        for (EvidenceFile file : evidence.ofProcessInstance(id)) {
            // the chain of custody: each file with its SHA-256, size, type, who added it and when
            entries.add(new Sortable(TimelineEntry.of(file.addedAt(), "EVIDENCE_ADDED", null, file.addedBy())
                    .withEvidence(file), Long.MAX_VALUE - 1));
        }
        Map<String, String> firedByHand = new HashMap<>();
        repairs.stream().filter(repair -> "executeJob".equals(repair.operation()) && repair.targetId() != null)
                .forEach(repair -> firedByHand.putIfAbsent(repair.targetId(), repair.userId()));
        jobs(id, current, firedByHand, entries);
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(id).list()) {
            entries.add(new Sortable(TimelineEntry.of(instant(incident.getCreateTime()), "INCIDENT",
                    incident.getActivityId(), null).withDetail(incident.getIncidentType() + ": "
                    + incident.getIncidentMessage() + (incident.isResolved() ? " (resolved)"
                    : incident.isDeleted() ? " (deleted)" : " (open)")), Long.MAX_VALUE));
        }
        entries.sort(Comparator.comparing((Sortable s) -> s.entry().at(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Sortable::sequence));

        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        boolean ended = instance.getEndTime() != null;
        return new CaseTimeline(caseNumber, id,
                ended ? CaseStatus.CLOSED.name() : text(current.get(CASE_STATUS), CaseStatus.OPEN.name()),
                text(current.get(OUTCOME), null), text(current.get(REGISTRATION), null),
                text(current.get(REGISTRATION_REASON), null), text(current.get(REGISTRATION_REASON_CODE), null),
                instant(instance.getStartTime()),
                instant(instance.getEndTime()),
                new CaseTimeline.ProcessDefinitionInfo(definition.getId(), definition.getKey(),
                        definition.getVersion(), definition.getVersionTag()),
                entries.stream().map(Sortable::entry).toList());
    }

    /**
     * VARIABLE_CHANGED entries with the value before; returns each variable's last value. Collects the
     * reason each decision task recorded on itself (its task-local {@code reason}).
     */
    private Map<String, Object> variables(String id, boolean showIdentifiers, Map<String, String> userOfOperation,
                                          Map<String, String> reasonOfTask, List<Sortable> entries) {
        Map<String, Object> current = new HashMap<>();
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
                .orderPartiallyByOccurrence().asc().list();
        for (HistoricDetail detail : details) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            String name = update.getVariableName();
            if (update.getTaskId() != null && TaskListColumns.names().contains(name)) {
                continue; // Tasklist's copy of the case's columns on a task, not a change of the case
            }
            Object value = plain(update.getValue());
            if (update.getTaskId() != null && REASON.equals(name) && value != null) {
                reasonOfTask.put(update.getTaskId(), value.toString());
            }
            Object previous = current.put(name, value);
            boolean mask = !showIdentifiers && IDENTIFIERS.contains(name);
            TimelineEntry entry = TimelineEntry.of(instant(update.getTime()), "VARIABLE_CHANGED", null,
                            update.getUserOperationId() == null ? null : userOfOperation.get(update.getUserOperationId()))
                    .withVariable(name, mask ? IdentifierMask.mask(text(value, null)) : value,
                            mask ? IdentifierMask.mask(text(previous, null)) : previous);
            entries.add(new Sortable(entry, sequence(update)));
        }
        return current;
    }

    private void tasks(String id, List<HistoricActivityInstance> activities, Map<String, String> completerOfTask,
                       Map<String, String> reasonOfTask, Map<String, Object> current, List<Interventions.Intervention> repairs, List<Sortable> entries) {
        Map<String, HistoricActivityInstance> activityOfTask = new HashMap<>();
        for (HistoricActivityInstance activity : activities) {
            if (activity.getTaskId() != null) {
                activityOfTask.put(activity.getTaskId(), activity);
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
            if (task.getEndTime() == null) {
                continue;
            }
            HistoricActivityInstance activity = activityOfTask.get(task.getId());
            long sequence = activity == null ? Long.MAX_VALUE : sequence(activity);
            Instant at = instant(task.getEndTime());
            if ("completed".equals(task.getDeleteReason())) {
                String user = completerOfTask.getOrDefault(task.getId(), task.getAssignee());
                entries.add(new Sortable(TimelineEntry.of(at, "TASK_COMPLETED", task.getTaskDefinitionKey(), user)
                        .withStep(task.getName(), "userTask", null, null, null)
                        .withReason(reasonOfTask.get(task.getId())), sequence));
            } else {
                HistoricActivityInstance timer = interruptingEvent(activities, activity);
                // a repair is recorded in the transaction that made it, after the engine's change
                boolean repaired = timer == null && repairs.stream().anyMatch(repair -> !repair.at().isBefore(at)
                        && MODIFICATIONS.contains(repair.operation()));
                String reason = timer != null && isFreeze(timer.getActivityId())
                        ? text(current.get(REGISTRATION_REASON), "withdrawn by the registration freeze")
                        : timer != null ? "withdrawn by the event " + timer.getActivityId()
                        : repaired ? "withdrawn by an administrator's intervention"
                        : "withdrawn: " + task.getDeleteReason();
                entries.add(new Sortable(TimelineEntry.of(at, "TASK_WITHDRAWN", task.getTaskDefinitionKey(), null)
                        .withStep(task.getName(), "userTask", null, null, null).withReason(reason)
                        .withDetail(timer == null ? null : "by " + timer.getActivityId()), sequence));
            }
        }
    }

    /**
     * The boundary event that withdrew a task: one attached to the task's activity in the case's own
     * process model, started when the task's activity ended; null when none did (a modification, say).
     */
    private HistoricActivityInstance interruptingEvent(List<HistoricActivityInstance> activities,
                                                       HistoricActivityInstance task) {
        if (task == null || task.getEndTime() == null) {
            return null;
        }
        Set<String> attached = repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getAttachedTo() != null
                        && task.getActivityId().equals(event.getAttachedTo().getId()))
                .map(BoundaryEvent::getId).collect(java.util.stream.Collectors.toSet());
        return activities.stream().filter(a -> attached.contains(a.getActivityId()))
                .filter(a -> !a.getStartTime().before(task.getEndTime()))
                .min(Comparator.comparing(HistoricActivityInstance::getStartTime)
                        .thenComparingLong(CaseTimelineService::sequence))
                .orElse(null);
    }

    private void jobs(String id, Map<String, Object> current, Map<String, String> firedByHand, List<Sortable> entries) {
        for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(id).list()) {
            boolean timer = log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith("timer");
            Instant at = instant(log.getTimestamp());
            String due = log.getJobDueDate() == null ? null : "due " + instant(log.getJobDueDate());
            TimelineEntry entry = null;
            if (log.isFailureLog()) {
                entry = TimelineEntry.of(at, "JOB_FAILED", log.getActivityId(), null)
                        .withDetail(log.getJobExceptionMessage() + " (retries left " + log.getJobRetries() + ")");
            } else if (timer && log.isCreationLog()) {
                entry = TimelineEntry.of(at, "TIMER_SCHEDULED", log.getActivityId(), null).withDetail(due);
            } else if (timer && log.isSuccessLog()) {
                String byHand = firedByHand.get(log.getJobId());
                entry = TimelineEntry.of(at, "TIMER_FIRED", log.getActivityId(), byHand)
                        .withDetail(byHand == null ? due : due + ", fired by hand by " + byHand);
                if (isFreeze(log.getActivityId())
                        && current.get(REGISTRATION_REASON) != null) {
                    entry = entry.withReason(text(current.get(REGISTRATION_REASON), null));
                }
            } else if (timer && log.isDeletionLog()) {
                entry = TimelineEntry.of(at, "TIMER_WITHDRAWN", log.getActivityId(), null).withDetail(due);
            }
            if (entry != null) {
                entries.add(new Sortable(entry, Long.MAX_VALUE - 1));
            }
        }
    }

    private TimelineEntry step(HistoricActivityInstance activity, Map<String, Integer> versions) {
        Integer version = versions.computeIfAbsent(activity.getProcessDefinitionId(),
                definitionId -> repository.getProcessDefinition(definitionId).getVersion());
        return TimelineEntry.of(instant(activity.getStartTime()), "STEP_STARTED", activity.getActivityId(),
                        "userTask".equals(activity.getActivityType()) ? activity.getAssignee() : null)
                .withStep(activity.getActivityName(), activity.getActivityType(), instant(activity.getEndTime()),
                        activity.getDurationInMillis(), version)
                .withDetail(activity.isCanceled() ? "cancelled" : null);
    }

    private static boolean isFreeze(String activityId) {
        return RegistrationFreeze.FREEZE_EVENTS.contains(activityId)
                || RegistrationFreeze.LEGACY_FREEZE_TIMERS.contains(activityId);
    }

    private static boolean isFreezeEvent(HistoricActivityInstance activity) {
        return RegistrationFreeze.FREEZE_EVENTS.contains(activity.getActivityId());
    }

    private static boolean isMessage(HistoricActivityInstance activity) {
        return !"startEvent".equals(activity.getActivityType());
    }

    private static long sequence(Object historyEntity) {
        return historyEntity instanceof HistoryEvent event ? event.getSequenceCounter() : Long.MAX_VALUE;
    }

    private static Object plain(Object value) {
        return value instanceof Date date ? date.toInstant() : value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }

    private record Sortable(TimelineEntry entry, long sequence) {
    }
}
