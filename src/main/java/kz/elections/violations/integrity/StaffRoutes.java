package kz.elections.violations.integrity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.cases.CaseAccess;
import kz.elections.violations.model.CaseVariables;
import kz.elections.violations.freeze.RegistrationFreeze;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The only changes staff accounts make through the engine's REST API, each checked before the engine
 * sees it: starting a case (intake rules and case number follow in the engine), completing a task
 * offered to them with that task's own form fields, claiming and (un)assigning within the task's
 * groups, the case messages by business key on a case they may see (the General Prosecutor's Office any
 * case, a regional prosecutors' office its own region's), and their own profile and password; a regional
 * office starts cases of its own region only. Everything else is refused.
 */
@Component
class StaffRoutes {

    private static final Set<String> START = Set.of("startProcessInstanceByKey", "submitFormByKey",
            "startProcessInstance", "submitForm");
    private static final Set<String> COMPLETE = Set.of("complete", "submit");
    private static final Set<String> OWN_ACCOUNT = Set.of("updateProfile", "updateCredentials");

    private final FormFields formFields;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final Set<String> caseMessages;
    private final CurrentUser currentUser;
    private final CaseAccess access;

    StaffRoutes(CurrentUser currentUser, CaseAccess access, FormFields formFields, RepositoryService repository,
                RuntimeService runtime, TaskService tasks, HistoryService history, IdentityService identity,
                @Value("${integrity.case-messages:AppealFiled,RulingQuashed,FinePaid}") Set<String> caseMessages) {
        this.currentUser = currentUser;
        this.access = access;
        this.formFields = formFields;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.caseMessages = Set.copyOf(caseMessages);
    }

    /** Whether this operation is one of the staff routes (checked here rather than refused outright). */
    boolean isStaffRoute(String operationId) {
        return START.contains(operationId) || COMPLETE.contains(operationId) || OWN_ACCOUNT.contains(operationId)
                || Set.of("claim", "unclaim", "setAssignee", "deliverMessage").contains(operationId);
    }

    /** The decision for a user (not an administrator's repair) sending this request. */
    GateDecision check(EngineRoutes.Match match, JsonNode body, Authentication user) {
        String operation = match.operationId();
        if (START.contains(operation)) {
            return start(match, body, user);
        }
        if (COMPLETE.contains(operation)) {
            return complete(match.parameter("id"), body, user);
        }
        return switch (operation) {
            case "claim" -> claim(match.parameter("id"), body, user);
            case "unclaim" -> unclaim(match.parameter("id"), user);
            case "setAssignee" -> assign(match.parameter("id"), body, user);
            case "deliverMessage" -> message(body, user);
            case "updateProfile", "updateCredentials" -> user.getUserId().equals(match.parameter("id"))
                    ? GateDecision.PASS : GateDecision.forbidden("Only the account's owner or an administrator may "
                    + "change an account");
            default -> GateDecision.forbidden(refusal(match));
        };
    }

    static String refusal(EngineRoutes.Match match) {
        return "Staff accounts change a case only by registering a fact, completing a task offered to their group "
                + "with the task's own fields, and the case messages; " + match.operation().method() + " "
                + match.operation().template() + " (" + match.operationId() + ") is not open to them";
    }

    /**
     * Whether a start request starts a process that is neither a case nor an election's freeze (which
     * withdraws cases): an administrator's own process, not a change to any case.
     */
    boolean startsAnotherProcess(EngineRoutes.Match match) {
        if (!START.contains(match.operationId()) || match.parameter("tenant-id") != null) {
            return false;
        }
        ProcessDefinition definition = definition(match);
        return definition != null && !CaseVariables.PROCESS_KEY.equals(definition.getKey())
                && !RegistrationFreeze.FREEZE_PROCESS_KEY.equals(definition.getKey());
    }

    private ProcessDefinition definition(EngineRoutes.Match match) {
        return currentUser.withoutEngineChecks(() -> match.parameter("key") != null
                ? repository.createProcessDefinitionQuery().processDefinitionKey(match.parameter("key"))
                        .withoutTenantId().latestVersion().singleResult()
                : repository.createProcessDefinitionQuery().processDefinitionId(match.parameter("id")).singleResult());
    }

    private GateDecision start(EngineRoutes.Match match, JsonNode body, Authentication user) {
        ProcessDefinition definition = definition(match);
        if (match.parameter("tenant-id") != null) {
            return GateDecision.forbidden(refusal(match));
        }
        if (definition == null) {
            return GateDecision.notFound("No process definition "
                    + (match.parameter("key") != null ? "with key " + match.parameter("key") : match.parameter("id")));
        }
        if (!CaseVariables.PROCESS_KEY.equals(definition.getKey())) {
            return GateDecision.forbidden("Staff start only cases (" + CaseVariables.PROCESS_KEY + "); "
                    + definition.getKey() + " is started by the application");
        }
        ProcessDefinition newest = currentUser.withoutEngineChecks(() -> repository.createProcessDefinitionQuery()
                .processDefinitionKey(definition.getKey()).withoutTenantId().latestVersion().singleResult());
        if (newest != null && !newest.getId().equals(definition.getId())) {
            return GateDecision.forbidden("A case starts on the newest version of the process (" + newest.getId()
                    + "), not on version " + definition.getVersion());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String option : List.of("startInstructions", "skipCustomListeners", "skipIoMappings", "caseInstanceId")) {
            if (isSet(body.get(option))) {
                return GateDecision.forbidden("A case starts at its start event through the intake rules: '"
                        + option + "' is not open to staff");
            }
        }
        if (isSet(body.get("businessKey"))) {
            return GateDecision.forbidden("The case number (business key) is given by the application: "
                    + "'businessKey' is not open to staff");
        }
        unknownMembers(body, Set.of("variables", "businessKey", "withVariablesInReturn", "startInstructions",
                "skipCustomListeners", "skipIoMappings", "caseInstanceId"), problems);
        checkVariables(body.path("variables"), formFields.ofStart(definition.getId()), "the start form", problems);
        JsonNode region = body.path("variables").path(CaseVariables.REGION).path("value");
        Optional<String> otherRegion = access.refusesRegistration(groups(user), region.isTextual() ? region.asText() : null);
        if (otherRegion.isPresent()) {
            return GateDecision.forbidden(otherRegion.get());
        }
        return problems.isEmpty() ? GateDecision.PASS
                : GateDecision.invalid("The fact was not registered: the request carries fields the start form "
                + "does not have", problems);
    }

    private GateDecision complete(String taskId, JsonNode body, Authentication user) {
        Task task = visibleTask(taskId, user);
        if (task == null) {
            // the engine answers: 404 for no task, 403 for a task of another group (see TaskCompletionConflicts)
            return GateDecision.PASS;
        }
        List<FieldProblem> problems = new ArrayList<>();
        unknownMembers(body, Set.of("variables", "withVariablesInReturn"), problems);
        checkVariables(body.path("variables"), formFields.ofTask(task), "the form of " + task.getTaskDefinitionKey(),
                problems);
        return problems.isEmpty() ? GateDecision.PASS
                : GateDecision.invalid("The task was not completed: the completion carries fields that are not "
                + "the task's own", problems);
    }

    private GateDecision claim(String taskId, JsonNode body, Authentication user) {
        if (!user.getUserId().equals(body.path("userId").asText(null))) {
            return GateDecision.forbidden("A task is claimed by the user who will work on it; assign it to another "
                    + "member of the task's group with POST /task/{id}/assignee");
        }
        return GateDecision.PASS;
    }

    private GateDecision unclaim(String taskId, Authentication user) {
        Task task = visibleTask(taskId, user);
        if (task != null && task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())
                && !isCandidateGroupMember(task, user)) {
            return GateDecision.forbidden("Only the assignee or a member of the task's group may unclaim it");
        }
        return task == null ? GateDecision.PASS : perform(() -> tasks.setAssignee(taskId, null));
    }

    /** Within the task's candidate groups only: to a member of one of them, or to nobody. */
    private GateDecision assign(String taskId, JsonNode body, Authentication user) {
        Task task = visibleTask(taskId, user);
        if (task == null) {
            return GateDecision.notFound("No task with id " + taskId);
        }
        if (!isCandidateGroupMember(task, user)) {
            return GateDecision.forbidden("Only a member of the task's group may assign it");
        }
        String assignee = body.path("userId").isNull() ? null : body.path("userId").asText(null);
        if (assignee != null && !candidateGroups(task).stream().anyMatch(group ->
                identity.createUserQuery().userId(assignee).memberOfGroup(group).count() > 0)) {
            return GateDecision.forbidden("A task is assigned only to a member of its own group ("
                    + String.join(", ", candidateGroups(task)) + ")");
        }
        return perform(() -> tasks.setAssignee(taskId, assignee));
    }

    private GateDecision message(JsonNode body, Authentication user) {
        String name = body.path("messageName").asText("");
        if (!caseMessages.contains(name)) {
            return GateDecision.forbidden("Staff send only the case messages " + caseMessages + "; '" + name
                    + "' belongs to the process itself");
        }
        for (String option : List.of("processInstanceId", "all", "correlationKeys", "localCorrelationKeys",
                "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "tenantId",
                "withoutTenantId")) {
            if (isSet(body.get(option))) {
                return GateDecision.forbidden("A case message goes to one case by its number (businessKey) and "
                        + "carries nothing else: '" + option + "' is not open to staff");
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        unknownMembers(body, Set.of("messageName", "businessKey", "resultEnabled", "variablesInResultEnabled",
                "processInstanceId", "all", "correlationKeys", "localCorrelationKeys", "processVariables",
                "processVariablesLocal", "processVariablesToTriggeredScope", "tenantId", "withoutTenantId"), problems);
        String caseNumber = body.path("businessKey").asText("");
        if (caseNumber.isBlank()) {
            problems.add(new FieldProblem("businessKey", "is required: the case number"));
        }
        if (!problems.isEmpty()) {
            return GateDecision.invalid("The message was not delivered", problems);
        }
        HistoricProcessInstance instance = currentUser.withoutEngineChecks(() -> history
                .createHistoricProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).unfinished().singleResult());
        if (instance == null || !maySendTo(instance, user)) {
            return GateDecision.notFound("No open case with number " + caseNumber + " that you may see");
        }
        boolean withResult = body.path("resultEnabled").asBoolean(false);
        return new GateDecision.Perform(() -> {
            try {
                runtime.createMessageCorrelation(name).processInstanceId(instance.getId()).correlateWithResult();
            } catch (MismatchingMessageCorrelationException notWaiting) {
                return new GateDecision.Answer(400, Map.of("type", "about:blank", "title", "The case does not wait "
                        + "for this message", "status", 400, "detail", "Case " + caseNumber + " does not wait for "
                        + name + " now", "message", "Case " + caseNumber + " does not wait for " + name + " now"));
            }
            return withResult ? new GateDecision.Answer(200, List.of(Map.of("resultType", "Execution",
                    "processInstance", Map.of("id", instance.getId(), "businessKey", caseNumber))))
                    : new GateDecision.Answer(204, null);
        });
    }

    /**
     * Whether the user may send a case message to this case: who reads the case in the engine (the General
     * Prosecutor's Office), and the regional prosecutors' office of the case's region.
     */
    private boolean maySendTo(HistoricProcessInstance instance, Authentication user) {
        if (as(user, () -> history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()) > 0) {
            return true;
        }
        Object regionCode = currentUser.withoutEngineChecks(() -> runtime.getVariable(instance.getId(),
                CaseVariables.REGION_CODE));
        return regionCode instanceof String code && CaseAccess.regionalOfficeReads(groups(user), code);
    }

    private static List<String> groups(Authentication user) {
        return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }

    private static GateDecision perform(Runnable change) {
        return new GateDecision.Perform(() -> {
            change.run();
            return new GateDecision.Answer(204, null);
        });
    }

    /** The task if this user may see it (a candidate, the assignee), read with the user's own rights. */
    private Task visibleTask(String taskId, Authentication user) {
        return as(user, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    private boolean isCandidateGroupMember(Task task, Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return candidateGroups(task).stream().anyMatch(groups::contains);
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private <T> T as(Authentication user, Supplier<T> read) {
        return currentUser.as(user, read);
    }

    private static void checkVariables(JsonNode variables, Set<String> allowed, String where,
                                       List<FieldProblem> problems) {
        if (variables.isMissingNode() || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            problems.add(new FieldProblem("variables", "must be an object of variables"));
            return;
        }
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(new FieldProblem("variables." + name, CaseVariables.WRITTEN_BY_THE_APPLICATION.contains(name)
                        ? "is part of the case's record, which only the application's own steps write"
                        : "is not a field of " + where + " (its fields: " + String.join(", ", allowed.stream()
                        .sorted().toList()) + ")"));
            }
        }
    }

    private static void unknownMembers(JsonNode body, Set<String> known, List<FieldProblem> problems) {
        body.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name, "is not a member of this request"));
            }
        });
    }

    private static boolean isSet(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return !value.asText().isBlank();
        }
        return !(value.isContainerNode() && value.isEmpty());
    }
}
