package kz.elections.violations.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TasklistSession;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every state-changing operation of the engine's REST API, as Camunda's own OpenAPI document lists them
 * (POST, PUT and DELETE: 191 in 7.24), sent by each staff group against a case it may see, with the
 * document's example body aimed at that case's ids: each is refused (400, 403 or 404) or, for the POST
 * queries, answered as a read; none is a server error; and afterwards every case, its tasks, jobs,
 * variables and the engine's identities, grants and deployments are exactly as before.
 */
class EngineApiSweepTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Operations of the staff routes that may answer 2xx without changing anything for these bodies. */
    private static final Set<String> HARMLESS_SUCCESS = Set.of("unclaim");

    @LocalServerPort
    int port;

    private record Operation(String method, String path, String operationId, String tag, JsonNode example,
                             boolean multipart) {
    }

    /** The ids of one user's own case, as the sweep substitutes them into paths and bodies. */
    private record Ids(ProcessInstance instance, Task task, Job job, String definitionId, String deploymentId,
                       String electionId) {
    }

    @Test
    void everyStateChangingOperationIsRefusedToEveryStaffGroupAndChangesNothing() throws IOException {
        List<Operation> operations = stateChangingOperations();
        assertThat(operations).hasSize(191);

        Election election = election(LocalDate.now(ALMATY).plusDays(40).toString(), "Asia/Almaty");
        String committed = LocalDate.now(ALMATY).minusDays(3).toString();
        ProcessInstance atCheck = startCase(election, "CANDIDATE", "102", committed);
        ProcessInstance atConsent = startCase(election, "CANDIDATE", "122", committed);
        complete(task(atConsent), withVariables("factConfirmed", true));
        ProcessInstance atCancellation = startCase(election, "CANDIDATE", "102", committed);
        bringToLegalEffectWait(atCancellation, LocalDate.now(ALMATY).toString());
        fire(atCancellation, "Event_AppealPeriodExpired");
        ProcessInstance atTimer = startCase(election, "CANDIDATE", "102", committed);
        bringToLegalEffectWait(atTimer, LocalDate.now(ALMATY).toString());
        BpmnAwareTests.assertThat(atConsent).isWaitingAt("Task_DecideConsent");
        BpmnAwareTests.assertThat(atCancellation).isWaitingAt("Task_CancelRegistration");
        List<ProcessInstance> cases = List.of(atCheck, atConsent, atCancellation, atTimer, freezeOf(election));
        Job timer = timer(atTimer, "Event_AppealPeriodExpired");

        // atCheck is Almaty's case: its regional office's own
        Map<String, ProcessInstance> caseOf = Map.of("prosecutor", atCheck, "cec", atConsent,
                "commission1", atCancellation, "auditor", atCheck, "prosecutor-almaty", atCheck);
        String before = snapshot(cases);
        Map<String, Ids> idsOf = new LinkedHashMap<>();
        for (String user : List.of("prosecutor", "cec", "commission1", "auditor", "prosecutor-almaty")) {
            idsOf.put(user, ids(caseOf.get(user), timer, election));
        }
        Ids commission = idsOf.get("commission1");
        TasklistSession tasklist = new TasklistSession(port, "commission1");

        HttpApi http = new HttpApi(port);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        for (String user : idsOf.keySet()) {
            Ids ids = idsOf.get(user);
            for (Operation operation : operations) {
                String path = path(operation, ids);
                Object body = body(operation, ids);
                HttpApi.Answer answer = operation.multipart()
                        ? http.send(user, operation.method(), "/engine-rest" + path, multipart(),
                                Map.of("Content-Type", "multipart/form-data; boundary=sweep"))
                        : http.send(user, operation.method(), "/engine-rest" + path, body);
                statuses.merge(answer.status() + "", 1, Integer::sum);
                check(user, operation, answer.status(), answer.text(), failures);
            }
        }
        // the webapps' engine mount as Tasklist calls it: the session with its CSRF token
        for (Operation operation : operations) {
            if (operation.multipart()) {
                continue;
            }
            int status = tasklist.send(operation.method(), "/camunda/api/engine/engine/default"
                    + path(operation, commission), JSON.writeValueAsString(body(operation, commission)), true);
            check("commission1 (Tasklist session)", operation, status, "", failures);
        }

        System.out.println("Engine REST sweep: answers by status " + statuses);
        assertThat(failures).as("operations not refused (of " + statuses + ")").isEmpty();
        assertThat(snapshot(cases)).isEqualTo(before);
        assertThat(processEngine.getIdentityService().checkPassword("commission2", "commission2")).isTrue();
    }

    private static void check(String user, Operation operation, int status, String text, List<String> failures) {
        String what = user + ": " + operation.method() + " " + operation.path() + " (" + operation.operationId()
                + ") -> " + status + " " + (text.length() > 160 ? text.substring(0, 160) : text);
        if (status >= 500) {
            failures.add(what);
        } else if (isQuery(operation)) {
            return;
        } else if (status < 300) {
            if (HARMLESS_SUCCESS.contains(operation.operationId())) {
                System.out.println("Engine REST sweep, answered without a change: " + what);
            } else {
                failures.add(what);
            }
        } else if (!Set.of(400, 403, 404, 405, 413, 415).contains(status)) {
            failures.add(what);
        }
    }

    private static boolean isQuery(Operation operation) {
        return "POST".equals(operation.method()) && operation.operationId()
                .matches("^(query|postQuery|postExecuteFilter).*|^(generateMigrationPlan|validateMigrationPlan|checkPassword)$");
    }

    private Ids ids(ProcessInstance instance, Job timer, Election election) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        String definitionId = instance.getProcessDefinitionId();
        String deploymentId = processEngine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId();
        return new Ids(instance, task, timer, definitionId, deploymentId, election.id());
    }

    private String path(Operation operation, Ids ids) {
        Matcher matcher = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(value(matcher.group(1), operation.tag(), ids)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String value(String parameter, String tag, Ids ids) {
        return switch (parameter) {
            case "id" -> switch (tag) {
                case "Task", "Task Variable", "Task Local Variable", "Task Comment", "Task Attachment",
                     "Task Identity Link" -> ids.task().getId();
                case "Job" -> ids.job().getId();
                case "Job Definition" -> ids.job().getJobDefinitionId();
                case "Process Definition" -> ids.definitionId();
                case "Deployment" -> ids.deploymentId();
                case "Decision Definition" -> processEngine.getRepositoryService().createDecisionDefinitionQuery()
                        .decisionDefinitionKey("CaseFollowUp").latestVersion().singleResult().getId();
                case "User" -> "commission2";
                case "Group" -> "prosecutors";
                case "Tenant" -> "tenant-1";
                case "Filter" -> processEngine.getFilterService().createFilterQuery().list().get(0).getId();
                case "Authorization" -> processEngine.getAuthorizationService().createAuthorizationQuery()
                        .groupIdIn("prosecutors").list().get(0).getId();
                case "Historic Variable Instance" -> processEngine.getHistoryService()
                        .createHistoricVariableInstanceQuery().processInstanceId(ids.instance().getId())
                        .variableName("registration").singleResult().getId();
                default -> ids.instance().getId();
            };
            case "key" -> "Decision Definition".equals(tag) ? "CaseFollowUp" : "ViolationCase";
            case "tenant-id" -> "tenant-1";
            case "varName" -> "registration";
            case "messageName" -> "RegistrationFreezeBegan-" + ids.electionId();
            case "userId" -> "commission2";
            case "groupId" -> "prosecutors";
            default -> "unknown";
        };
    }

    /** The document's example, aimed at this case: every id it names replaced by the case's own. */
    private Object body(Operation operation, Ids ids) {
        if (operation.example() == null) {
            return null;
        }
        JsonNode body = operation.example().deepCopy();
        aim(body, ids);
        return body;
    }

    private static void aim(JsonNode node, Ids ids) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(field -> names.add(field.getKey()));
            for (String name : names) {
                switch (name) {
                    case "processInstanceId", "executionId" -> object.put(name, ids.instance().getId());
                    case "processInstanceIds" -> object.set(name, array(ids.instance().getId()));
                    case "processDefinitionId" -> object.put(name, ids.definitionId());
                    case "processDefinitionKey" -> object.put(name, "ViolationCase");
                    case "jobId" -> object.put(name, ids.job().getId());
                    case "jobIds" -> object.set(name, array(ids.job().getId()));
                    case "jobDefinitionId" -> object.put(name, ids.job().getJobDefinitionId());
                    case "taskId" -> object.put(name, ids.task().getId());
                    case "businessKey" -> object.put(name, ids.instance().getBusinessKey());
                    case "messageName" -> object.put(name, "RegistrationFreezeBegan-" + ids.electionId());
                    case "activityId" -> object.put(name, "Task_CancelRegistration");
                    case "userId" -> object.put(name, "commission2");
                    case "groupId" -> object.put(name, "prosecutors");
                    default -> aim(object.get(name), ids);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> aim(item, ids));
        }
    }

    private static ArrayNode array(String value) {
        return JSON.createArrayNode().add(value);
    }

    private static String multipart() {
        return "--sweep\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nCANCELLED\r\n--sweep\r\n"
                + "Content-Disposition: form-data; name=\"valueType\"\r\n\r\nBytes\r\n--sweep--\r\n";
    }

    private static List<Operation> stateChangingOperations() throws IOException {
        List<Operation> operations = new ArrayList<>();
        try (InputStream document = EngineApiSweepTest.class.getResourceAsStream("/openapi.json")) {
            JsonNode paths = JSON.readTree(document).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                String verb = method.getKey().toUpperCase();
                if (!Set.of("POST", "PUT", "DELETE").contains(verb)) {
                    return;
                }
                JsonNode operation = method.getValue();
                JsonNode content = operation.path("requestBody").path("content");
                JsonNode example = null;
                JsonNode examples = content.path("application/json").path("examples");
                if (examples.isObject() && examples.size() > 0) {
                    example = examples.elements().next().path("value");
                }
                operations.add(new Operation(verb, path.getKey(), operation.path("operationId").asText(),
                        operation.path("tags").path(0).asText(), example, content.has("multipart/form-data")));
            }));
        }
        return operations;
    }

    /** Everything a refused call could have changed: the cases, their tasks, jobs and variables, the engine's setup. */
    private String snapshot(List<ProcessInstance> cases) {
        Map<String, Object> state = new LinkedHashMap<>();
        var runtime = processEngine.getRuntimeService();
        var tasks = processEngine.getTaskService();
        var management = processEngine.getManagementService();
        var repository = processEngine.getRepositoryService();
        var identity = processEngine.getIdentityService();
        for (ProcessInstance instance : cases) {
            String id = instance.getId();
            ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
            state.put(id + " exists", now != null);
            state.put(id + " suspended", now != null && now.isSuspended());
            state.put(id + " activities", now == null ? List.of() : runtime.getActiveActivityIds(id).stream().sorted().toList());
            state.put(id + " variables", new TreeMap<>(runtime.createVariableInstanceQuery().processInstanceIdIn(id).list()
                    .stream().collect(java.util.stream.Collectors.toMap(v -> v.getName() + "@" + v.getExecutionId()
                            + (v.getTaskId() == null ? "" : "#" + v.getTaskId()), v -> String.valueOf(v.getValue()),
                            (a, b) -> a + "|" + b))));
            for (Task task : tasks.createTaskQuery().processInstanceId(id).list()) {
                state.put(task.getId() + " task", List.of(String.valueOf(task.getAssignee()), String.valueOf(task.getOwner()),
                        String.valueOf(task.getDueDate()), String.valueOf(task.getFollowUpDate()), task.getName(),
                        task.getPriority(), String.valueOf(task.getDelegationState()),
                        tasks.getIdentityLinksForTask(task.getId()).stream().map(link -> link.getType() + ":"
                                + link.getGroupId() + ":" + link.getUserId()).sorted().toList(),
                        tasks.getTaskComments(task.getId()).size(), tasks.getTaskAttachments(task.getId()).size()));
            }
            for (Job job : management.createJobQuery().processInstanceId(id).list()) {
                state.put(job.getId() + " job", List.of(String.valueOf(job.getDuedate()), job.getRetries(),
                        job.isSuspended(), job.getPriority()));
            }
            state.put(id + " incidents", runtime.createIncidentQuery().processInstanceId(id).count());
            state.put(id + " subscriptions", runtime.createEventSubscriptionQuery().processInstanceId(id).count());
            state.put(id + " history", processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceId(id).count());
            state.put(id + " comments", tasks.getProcessInstanceComments(id).size());
        }
        state.put("instances", runtime.createProcessInstanceQuery().count());
        state.put("suspended instances", runtime.createProcessInstanceQuery().suspended().count());
        state.put("historic instances", processEngine.getHistoryService().createHistoricProcessInstanceQuery().count());
        state.put("definitions", repository.createProcessDefinitionQuery().count());
        state.put("suspended definitions", repository.createProcessDefinitionQuery().suspended().count());
        state.put("suspended job definitions", management.createJobDefinitionQuery().suspended().count());
        state.put("deployments", repository.createDeploymentQuery().count());
        state.put("jobs", management.createJobQuery().count());
        state.put("batches", management.createBatchQuery().count());
        state.put("users", identity.createUserQuery().count());
        state.put("groups", identity.createGroupQuery().count());
        state.put("commission2 groups", identity.createGroupQuery().groupMember("commission2").list().stream()
                .map(g -> g.getId()).sorted().toList());
        state.put("commission2 name", identity.createUserQuery().userId("commission2").singleResult().getFirstName());
        state.put("tenants", identity.createTenantQuery().count());
        state.put("authorizations", processEngine.getAuthorizationService().createAuthorizationQuery().list().stream()
                .map(a -> a.getAuthorizationType() + ":" + a.getGroupId() + ":" + a.getUserId() + ":"
                        + a.getResourceType() + ":" + a.getResourceId() + ":" + java.util.Arrays.toString(
                        a.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values())))
                .sorted().toList());
        state.put("filters", processEngine.getFilterService().createFilterQuery().count());
        state.put("standalone tasks", tasks.createTaskQuery().count());
        return state.toString();
    }
}
