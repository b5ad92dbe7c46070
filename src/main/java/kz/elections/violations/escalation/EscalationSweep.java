package kz.elections.violations.escalation;

import static kz.elections.violations.model.CaseVariables.AT_RISK;
import static kz.elections.violations.model.CaseVariables.CASE_NUMBER;
import static kz.elections.violations.model.CaseVariables.ELECTION_ID;
import static kz.elections.violations.model.CaseVariables.ESCALATIONS;
import static kz.elections.violations.model.CaseVariables.PROCESS_KEY;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for open tasks of cases that must escalate now, by the engine's clock: registration tasks of an
 * election whose freeze is nearer than the configured lead ({@link EscalationKind#BEFORE_FREEZE}), and
 * tasks past their due date ({@link EscalationKind#OVERDUE}), of elections whose voting day has not ended. Both read the election's calendar and the
 * tasks' due dates as they are at the moment of the sweep, so a calendar change moves the escalation.
 * Each escalation is one transaction: the row in {@code task_escalation} (unique per task and kind), the
 * case marked at risk, and {@link TaskEscalated} published; a second node escalating the same task at the
 * same time fails on the unique key and rolls back.
 */
@Component
public class EscalationSweep {

    static final Set<String> REGISTRATION_TASKS = Set.of("Task_CancelRegistration", "Task_RestoreRegistration");

    private static final Logger LOG = LoggerFactory.getLogger(EscalationSweep.class);

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ElectionRepository elections;
    private final TaskEscalations escalations;
    private final EscalationSettings settings;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    EscalationSweep(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
                    ElectionRepository elections, TaskEscalations escalations, EscalationSettings settings,
                    CurrentUser currentUser, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.elections = elections;
        this.escalations = escalations;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One sweep at the engine's current time; returns how many tasks escalated. */
    public int sweep() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return currentUser.withoutEngineChecks(() -> beforeFreeze(now) + overdue(now));
    }

    private int beforeFreeze(Instant now) {
        int escalated = 0;
        for (Election election : current(now)) {
            Instant from = election.registrationFreezeFrom().minus(settings.leadBeforeFreeze(election.level()));
            if (now.isBefore(from)) {
                continue;
            }
            List<Task> open = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                    .taskDefinitionKeyIn(REGISTRATION_TASKS.toArray(String[]::new))
                    .processVariableValueEquals(ELECTION_ID, election.id()).list();
            if (open.isEmpty()) {
                continue;
            }
            Set<String> done = escalations.taskIds(election.id(), EscalationKind.BEFORE_FREEZE);
            for (Task task : open) {
                if (!done.contains(task.getId()) && escalate(task, EscalationKind.BEFORE_FREEZE, now)) {
                    escalated++;
                }
            }
        }
        return escalated;
    }

    private int overdue(Instant now) {
        List<Election> current = current(now);
        if (current.isEmpty()) {
            return 0;
        }
        int escalated = 0;
        int batchSize = settings.getSweep().getBatchSize();
        String tasks = managementService.getTableName(Task.class);
        String definitions = managementService.getTableName(ProcessDefinition.class);
        String variables = managementService.getTableName(VariableInstanceEntity.class);
        StringBuilder electionIds = new StringBuilder();
        for (int i = 0; i < current.size(); i++) {
            electionIds.append(i == 0 ? "" : ", ").append("#{election").append(i).append('}');
        }
        String sql = "select T.* from " + tasks + " T inner join " + definitions + " D on T.PROC_DEF_ID_ = D.ID_"
                + " where D.KEY_ = #{processKey} and T.DUE_DATE_ < #{now}"
                + " and exists (select 1 from " + variables + " V where V.PROC_INST_ID_ = T.PROC_INST_ID_"
                + " and V.EXECUTION_ID_ = T.PROC_INST_ID_ and V.NAME_ = #{electionVariable}"
                + " and V.TEXT_ in (" + electionIds + "))"
                + " and not exists (select 1 from task_escalation E where E.task_id = T.ID_ and E.kind = #{kind})"
                + " order by T.DUE_DATE_";
        for (int round = 0; round < 1_000; round++) {
            NativeTaskQuery query = taskService.createNativeTaskQuery().sql(sql).parameter("processKey", PROCESS_KEY)
                    .parameter("now", Date.from(now)).parameter("kind", EscalationKind.OVERDUE.name())
                    .parameter("electionVariable", ELECTION_ID);
            for (int i = 0; i < current.size(); i++) {
                query.parameter("election" + i, current.get(i).id());
            }
            List<Task> page = query.listPage(0, batchSize);
            int ofPage = 0;
            for (Task task : page) {
                if (escalate(task, EscalationKind.OVERDUE, now)) {
                    ofPage++;
                }
            }
            escalated += ofPage;
            // a page none of which escalated (cases ended meanwhile, say) is left to the next sweep
            if (page.size() < batchSize || ofPage == 0) {
                break;
            }
        }
        return escalated;
    }

    /**
     * The elections whose voting day has not ended yet in their time zone. A past election's tasks no
     * longer escalate: its registrations can no longer be cancelled, and a database that holds years of
     * cases (or the demo's 2023 briefing) would otherwise wake everyone at its first sweep. Its overdue
     * tasks stay overdue in the deadlines view and the metrics.
     */
    private List<Election> current(Instant now) {
        return elections.findAll().stream()
                .filter(election -> now.isBefore(election.votingDay().plusDays(1).atStartOfDay(election.zone()).toInstant()))
                .toList();
    }

    /**
     * @return whether this call escalated the task (false: it had escalated already, on this node or
     * another that read it open at the same time, or it is no longer open)
     */
    boolean escalate(Task task, EscalationKind kind, Instant now) {
        try {
            TaskEscalated event = transaction.execute(status -> {
                String processInstanceId = task.getProcessInstanceId();
                if (taskService.createTaskQuery().taskId(task.getId()).count() == 0) {
                    return null; // completed or withdrawn since the query
                }
                Object caseNumber = runtimeService.getVariable(processInstanceId, CASE_NUMBER);
                Object electionId = runtimeService.getVariable(processInstanceId, ELECTION_ID);
                escalations.record(new TaskEscalations.Escalation(task.getId(), kind, task.getTaskDefinitionKey(),
                        processInstanceId, caseNumber == null ? null : caseNumber.toString(),
                        electionId == null ? null : electionId.toString(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant(), now));
                Object earlier = runtimeService.getVariable(processInstanceId, ESCALATIONS);
                String entry = task.getTaskDefinitionKey() + ":" + kind.name();
                runtimeService.setVariable(processInstanceId, ESCALATIONS,
                        earlier instanceof String list && !list.isBlank() ? list + "," + entry : entry);
                runtimeService.setVariable(processInstanceId, AT_RISK, true);
                TaskEscalated escalated = new TaskEscalated(task.getId(), task.getTaskDefinitionKey(), processInstanceId,
                        caseNumber == null ? null : caseNumber.toString(),
                        electionId == null ? null : electionId.toString(), kind.name(), now);
                events.publishEvent(escalated);
                return escalated;
            });
            if (event == null) {
                return false;
            }
            LOG.info("Task {} of case {} escalated: {}", event.taskDefinitionKey(), event.caseNumber(), kind);
            return true;
        } catch (DuplicateKeyException escalatedElsewhere) {
            return false;
        } catch (RuntimeException failed) {
            // the case ended or moved on meanwhile, or the database refused: the next sweep looks again
            LOG.warn("Task {} ({}) did not escalate ({}): {}", task.getId(), task.getTaskDefinitionKey(), kind,
                    failed.getMessage());
            return false;
        }
    }
}
