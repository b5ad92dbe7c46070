package kz.elections.violations.cases;

import kz.elections.violations.model.RulingOutcome;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.model.Outcome;
import static kz.elections.violations.model.CaseVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.elections.violations.api.NotFoundException;
import kz.elections.violations.reporting.CaseReportRepository;
import kz.elections.violations.sanctions.OffenceCatalogue;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Reads a case from the engine's history, which holds it whether it is open or closed. */
@Service
public class CaseQueries {

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final OffenceCatalogue catalogue;
    private final ObjectProvider<CaseComplaints> complaints;
    private final CaseReportRepository reports;

    public CaseQueries(HistoryService historyService, RepositoryService repositoryService, TaskService taskService,
                       OffenceCatalogue catalogue, ObjectProvider<CaseComplaints> complaints,
                       CaseReportRepository reports) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.catalogue = catalogue;
        this.complaints = complaints;
        this.reports = reports;
    }

    public CaseView get(String caseNumber) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().desc()
                .listPage(0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No case with number " + caseNumber));
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list()) {
            if (variable.getActivityInstanceId() == null
                    || variable.getActivityInstanceId().equals(instance.getId())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        boolean ended = instance.getEndTime() != null;
        String status = ended ? CaseStatus.CLOSED.name() : text(variables, CASE_STATUS, CaseStatus.OPEN.name());
        String outcome = text(variables, OUTCOME, null);
        ProcessDefinition definition = repositoryService.getProcessDefinition(instance.getProcessDefinitionId());
        return new CaseView(
                caseNumber,
                instance.getId(),
                status,
                outcome,
                sanction(variables, outcome),
                text(variables, REGISTRATION, null),
                text(variables, REGISTRATION_REASON, null),
                text(variables, REGISTRATION_REASON_CODE, null),
                new CaseView.RegistrationDecisions(text(variables, CANCELLATION_DECISION_NUMBER, null),
                        text(variables, RESTORATION_DECISION_NUMBER, null)),
                text(variables, ELECTION_ID, null),
                text(variables, REGION, null),
                // a case ended before regions were data has its code in the reporting table only (V9)
                variables.get(REGION_CODE) != null ? text(variables, REGION_CODE, null)
                        : reports.scopeOf(caseNumber).map(CaseReportRepository.CaseScope::regionCode).orElse(null),
                text(variables, COMMITTED_ON, null),
                new CaseView.Offender(text(variables, OFFENDER_KIND, null), text(variables, OFFENDER_NAME, null),
                        text(variables, OFFENDER_IIN, null), text(variables, OFFENDER_BIN, null),
                        text(variables, DISTRICT_COMMISSION, null)),
                text(variables, CODE, null),
                text(variables, ARTICLE, null),
                text(variables, PART, null),
                offenceTitle(variables),
                text(variables, SOURCE, null),
                text(variables, DESCRIPTION, null),
                new CaseView.ProcessVersion(definition.getId(), definition.getVersion(), definition.getVersionTag()),
                ended ? List.of() : openTasks(instance.getId()),
                steps(instance.getId()),
                new CaseView.FollowUp(text(variables, FOLLOW_UP, null), text(variables, OBSERVER_REGISTRATION, null),
                        text(variables, ACCREDITATION, null), text(variables, INVESTIGATION_NUMBER, null),
                        (java.util.Date) variables.get(PAYMENT_DUE_AT),
                        text(variables, POSSIBLE_DUPLICATES, "").isBlank() ? List.of()
                                : List.of(text(variables, POSSIBLE_DUPLICATES, "").split(",")),
                        text(variables, LINKED_CASE_NUMBER, null)),
                Boolean.TRUE.equals(variables.get(AT_RISK)),
                text(variables, ESCALATIONS, "").isBlank() ? List.of()
                        : List.of(text(variables, ESCALATIONS, "").split(",")),
                complaints.stream().flatMap(source -> source.trackingNumbersOf(caseNumber).stream()).toList());
    }

    /** The offence's title as the newest offence catalogue words it. */
    private CaseView.OffenceTitle offenceTitle(Map<String, Object> variables) {
        String article = text(variables, ARTICLE, null);
        if (article == null) {
            return null;
        }
        return catalogue.find(text(variables, CODE, "CAO"), article, text(variables, PART, null), variables.get(OFFENDER_KIND))
                .map(offence -> new CaseView.OffenceTitle(offence.titleKk(), offence.titleRu(), offence.title()))
                .orElse(null);
    }

    private List<CaseView.Step> steps(String processInstanceId) {
        Map<String, String> completedBy = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .entityType(EntityTypes.TASK).list()) {
            completedBy.put(entry.getTaskId(), entry.getUserId());
        }
        Map<String, Map<String, Object>> decisions = decisionsOfTasks(processInstanceId);
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).finished()
                .orderByHistoricTaskInstanceEndTime().asc().list().stream()
                .filter(task -> task.getDeleteReason() == null || "completed".equals(task.getDeleteReason()))
                .map(task -> {
                    Map<String, Object> decision = decisions.getOrDefault(task.getId(), Map.of());
                    return new CaseView.Step(task.getTaskDefinitionKey(), task.getName(), task.getEndTime(),
                            completedBy.getOrDefault(task.getId(), task.getAssignee()),
                            text(decision, DECISION, null), text(decision, REASON, null));
                })
                .toList();
    }

    /**
     * The decision and reason each completed decision task recorded on itself (task-local variables the
     * completion rules write), by task id, from the history's variable updates.
     */
    private Map<String, Map<String, Object>> decisionsOfTasks(String processInstanceId) {
        Map<String, Map<String, Object>> decisions = new HashMap<>();
        historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getTaskId() != null && update.getValue() != null
                        && (DECISION.equals(update.getVariableName()) || REASON.equals(update.getVariableName())))
                .forEach(update -> decisions.computeIfAbsent(update.getTaskId(), task -> new HashMap<>())
                        .put(update.getVariableName(), update.getValue()));
        return decisions;
    }

    private static CaseView.Sanction sanction(Map<String, Object> variables, String outcome) {
        Object ruling = variables.get(RULING_OUTCOME);
        if (!(RulingOutcome.FINE.is(ruling) || RulingOutcome.WARNING.is(ruling))
                || Outcome.OVERTURNED_ON_APPEAL.name().equals(outcome)) {
            return null;
        }
        boolean fine = RulingOutcome.FINE.is(ruling);
        return new CaseView.Sanction((String) ruling,
                fine ? (Number) variables.get(FINE_MCI) : null,
                fine && variables.get(FINE_TENGE) instanceof Number tenge ? tenge.longValue() : null,
                Boolean.TRUE.equals(variables.get(ABBREVIATED_PROCEDURE)));
    }

    private List<CaseView.OpenTask> openTasks(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list().stream()
                .map(task -> new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        taskService.getIdentityLinksForTask(task.getId()).stream()
                                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                                .map(IdentityLink::getGroupId)
                                .filter(group -> group != null)
                                .toList(), task.getDueDate()))
                .toList();
    }

    private static String text(Map<String, Object> variables, String name, String fallback) {
        Object value = variables.get(name);
        return value == null ? fallback : value.toString();
    }
}
