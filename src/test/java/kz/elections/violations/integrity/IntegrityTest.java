package kz.elections.violations.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bypasses an insider with a staff account would try, each refused over HTTP and each leaving the
 * case as it was; the routes staff do have; administrators' repairs with a reason, in the timeline.
 */
class IntegrityTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;
    HttpApi http;
    Election election;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        election = election(LocalDate.now(ALMATY).plusDays(40).toString(), "Asia/Almaty");
    }

    private ProcessInstance candidateCase(String article) {
        return startCase(election, "CANDIDATE", article, LocalDate.now(ALMATY).minusDays(3).toString());
    }

    private ProcessInstance caseAtCancellation() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    private static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return Map.of("variables", variables);
    }

    private Answer completeOverRest(String user, String taskId, Object... namesAndValues) {
        return http.post(user, "/engine-rest/task/" + taskId + "/complete", variables(namesAndValues));
    }

    private Object variable(ProcessInstance instance, String name, boolean dummy) {
        return runtimeService.getVariable(instance.getId(), name);
    }

    @Test
    void aProsecutorCannotSetOffAnElectionsFreezeByItsInternalMessage() {
        ProcessInstance instance = caseAtCancellation();
        Answer answer = http.post("prosecutor", "/engine-rest/message", Map.of("messageName",
                "RegistrationFreezeBegan-" + election.id(), "all", true));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).contains("case messages");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        assertThat(runtimeService.getVariable(instance.getId(), "registration")).isEqualTo("REGISTERED");

        Answer signal = http.post("prosecutor", "/engine-rest/signal", Map.of("name", "anything"));
        assertThat(signal.status()).isEqualTo(403);
    }

    @Test
    void theCecCompletesConsentWithItsOwnFieldOnly() {
        ProcessInstance instance = candidateCase("122");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        String taskId = task(instance).getId();

        Answer smuggled = completeOverRest("cec", taskId, "consentGranted", true, "deregistrationRequired", false,
                "followUp", "NONE");
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.deregistrationRequired", "variables.followUp");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        assertThat(runtimeService.getVariable(instance.getId(), "consentGranted")).isNull();

        assertThat(completeOverRest("cec", taskId, "consentGranted", true).status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
    }

    @Test
    void aCheckCannotRewriteTheCaseRecord() {
        ProcessInstance instance = candidateCase("102");
        String taskId = task(instance).getId();
        Answer answer = completeOverRest("prosecutor", taskId, "factConfirmed", true, "caseStatus", "CLOSED",
                "outcome", "DISMISSED", "registration", "CANCELLED", "fineTenge", 1);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "variables.caseStatus", "variables.outcome", "variables.registration", "variables.fineTenge");
        assertThat(answer.body().get("errors").findValuesAsText("message"))
                .allMatch(message -> message.contains("record"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(runtimeService.getVariable(instance.getId(), "caseStatus")).isEqualTo("OPEN");
        assertThat(runtimeService.getVariable(instance.getId(), "registration")).isEqualTo("REGISTERED");

        Answer unknown = completeOverRest("prosecutor", taskId, "factConfirmed", true, "courtName", "X");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").findValuesAsText("field")).containsExactly("variables.courtName");
        assertThat(unknown.body().get("errors").get(0).get("message").asText()).contains("factConfirmed");
    }

    @Test
    void staffWriteNoVariableDirectly() {
        ProcessInstance instance = caseAtCancellation();
        String taskId = task(instance).getId();
        String instanceVariable = "/engine-rest/process-instance/" + instance.getId() + "/variables/registration";
        Map<String, Object> cancelled = Map.of("value", "CANCELLED", "type", "String");
        assertThat(http.put("prosecutor", instanceVariable, cancelled).status()).isEqualTo(403);
        assertThat(http.put("commission1", instanceVariable, cancelled).status()).isEqualTo(403);
        // another district's commission is not told that the case exists
        assertThat(http.put("commission2", instanceVariable, cancelled).status()).isEqualTo(404);
        assertThat(http.put("commission1", "/engine-rest/task/" + taskId + "/variables/registration", cancelled)
                .status()).isEqualTo(403);
        assertThat(http.post("commission1", "/engine-rest/task/" + taskId + "/localVariables",
                Map.of("modifications", Map.of("registration", cancelled))).status()).isEqualTo(403);
        assertThat(http.post("prosecutor", "/engine-rest/execution/" + instance.getId() + "/localVariables",
                Map.of("modifications", Map.of("registration", cancelled))).status()).isEqualTo(403);
        assertThat(http.post("prosecutor", "/engine-rest/process-instance/" + instance.getId() + "/variables",
                Map.of("modifications", Map.of("registration", cancelled))).status()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instance.getId(), "registration")).isEqualTo("REGISTERED");
        // the task's only variables are Tasklist's copies of the case's columns
        assertThat(processEngine.getTaskService().getVariablesLocal(taskId).keySet())
                .containsExactlyInAnyOrderElementsOf(kz.elections.violations.tasklist.TaskListColumns.names());

        // the same through the webapps' mount, with the session and its CSRF token
        java.util.Date due = processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getDueDate();
        assertThat(due).as("the task's due date from TaskDeadlines").isNotNull();
        TasklistSession tasklist = new TasklistSession(port, "commission1");
        assertThat(tasklist.send("PUT", "/camunda/api/engine/engine/default/task/" + taskId + "/variables/registration",
                "{\"value\":\"CANCELLED\",\"type\":\"String\"}", true)).isEqualTo(403);
        assertThat(tasklist.send("PUT", "/camunda/api/engine/engine/default/task/" + taskId,
                "{\"name\":\"done\",\"due\":\"2020-01-01T00:00:00.000+0000\"}", true)).isEqualTo(403);
        assertThat(runtimeService.getVariable(instance.getId(), "registration")).isEqualTo("REGISTERED");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getDueDate())
                .isEqualTo(due);
    }

    @Test
    void aProsecutorCannotMoveStartSkipOrSuspendACase() {
        ProcessInstance instance = candidateCase("102");
        long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count();

        Answer modification = http.post("prosecutor", "/engine-rest/process-instance/" + instance.getId()
                + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "Task_RecordCourtRuling"), Map.of("type", "cancel", "activityId", "Task_CheckFact"))));
        assertThat(modification.status()).isEqualTo(403);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");

        Answer startInstructions = http.post("prosecutor", "/engine-rest/process-definition/key/ViolationCase/start",
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_CancelRegistration")), "skipCustomListeners", true));
        assertThat(startInstructions.status()).isEqualTo(403);
        Answer chosenKey = http.post("prosecutor", "/engine-rest/process-definition/key/ViolationCase/start",
                Map.of("businessKey", "2023-999999"));
        assertThat(chosenKey.status()).isEqualTo(403);
        assertThat(chosenKey.text()).contains("businessKey");
        Answer freeze = http.post("prosecutor",
                "/engine-rest/process-definition/key/ElectionRegistrationFreeze/start", Map.of());
        assertThat(freeze.status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count())
                .isEqualTo(cases);

        Answer suspend = http.put("prosecutor", "/engine-rest/process-instance/" + instance.getId() + "/suspended",
                Map.of("suspended", true));
        assertThat(suspend.status()).isEqualTo(403);
        assertThat(http.send("prosecutor", "DELETE", "/engine-rest/process-instance/" + instance.getId(), null)
                .status()).isEqualTo(403);
        ProcessInstance now = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(now).isNotNull();
        assertThat(now.isSuspended()).isFalse();
    }

    @Test
    void aProsecutorCannotRunTheAppealTimerEarly() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        Job timer = timer(instance, "Event_AppealPeriodExpired");
        for (Answer answer : List.of(
                http.post("prosecutor", "/engine-rest/job/" + timer.getId() + "/execute", null),
                http.put("prosecutor", "/engine-rest/job/" + timer.getId() + "/duedate",
                        Map.of("duedate", "2020-01-01T00:00:00.000+0000")),
                http.put("prosecutor", "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 0)),
                http.put("prosecutor", "/engine-rest/job/" + timer.getId() + "/suspended", Map.of("suspended", true)),
                http.send("prosecutor", "DELETE", "/engine-rest/job/" + timer.getId(), null))) {
            assertThat(answer.status()).isEqualTo(403);
        }
        Job after = timer(instance, "Event_AppealPeriodExpired");
        assertThat(after.getId()).isEqualTo(timer.getId());
        assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
        assertThat(after.getRetries()).isEqualTo(timer.getRetries());
        assertThat(after.isSuspended()).isFalse();
    }

    @Test
    void caseMessagesGoByCaseNumberToCasesTheSenderMaySee() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        Map<String, Object> appeal = Map.of("messageName", "AppealFiled", "businessKey", instance.getBusinessKey());

        assertThat(http.post("commission1", "/engine-rest/message", appeal).status()).isEqualTo(404);
        assertThat(http.post("cec", "/engine-rest/message", appeal).status()).isEqualTo(404);
        assertThat(http.post("auditor", "/engine-rest/message", appeal).status()).isEqualTo(403);
        assertThat(http.post("prosecutor", "/engine-rest/message", Map.of("messageName", "AppealFiled",
                "businessKey", "1999-000001")).status()).isEqualTo(404);
        assertThat(http.post("prosecutor", "/engine-rest/message", Map.of("messageName", "AppealFiled",
                "processInstanceId", instance.getId())).status()).isEqualTo(403);
        assertThat(http.post("prosecutor", "/engine-rest/message", Map.of("messageName", "AppealFiled",
                "businessKey", instance.getBusinessKey(), "processVariables",
                Map.of("appealUpheld", Map.of("value", true)))).status()).isEqualTo(403);
        Answer notWaiting = http.post("prosecutor", "/engine-rest/message", Map.of("messageName", "RulingQuashed",
                "businessKey", instance.getBusinessKey()));
        assertThat(notWaiting.status()).isEqualTo(400);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitLegalEffect");

        assertThat(http.post("prosecutor", "/engine-rest/message", appeal).status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordAppealDecision");
    }

    @Test
    void tasksAreClaimedAndAssignedWithinTheirGroupOnly() {
        ProcessInstance instance = caseAtCancellation();
        String taskId = task(instance).getId();
        String base = "/engine-rest/task/" + taskId;
        assertThat(http.post("commission1", base + "/claim", Map.of("userId", "commission2")).status()).isEqualTo(403);
        assertThat(http.post("commission1", base + "/assignee", Map.of("userId", "commission2")).status())
                .isEqualTo(403);
        assertThat(http.post("commission1", base + "/identity-links", Map.of("groupId", "dec-2", "type",
                "candidate")).status()).isEqualTo(403);
        assertThat(http.post("commission1", base + "/delegate", Map.of("userId", "commission2")).status())
                .isEqualTo(403);
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(taskId))
                .noneMatch(link -> "dec-2".equals(link.getGroupId()));
        assertThat(task(instance).getAssignee()).isNull();

        assertThat(http.post("commission1", base + "/assignee", Map.of("userId", "commission1")).status())
                .isEqualTo(204);
        assertThat(task(instance).getAssignee()).isEqualTo("commission1");
        assertThat(http.post("commission1", base + "/unclaim", null).status()).isEqualTo(204);
        assertThat(task(instance).getAssignee()).isNull();

        // the webapps' CSRF protection holds for the routes the gate carries out itself
        TasklistSession tasklist = new TasklistSession(port, "commission1");
        assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/assignee",
                "{\"userId\":\"commission1\"}", false)).isEqualTo(403);
        assertThat(task(instance).getAssignee()).isNull();
        assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
                "{\"userId\":\"commission1\"}", true)).isEqualTo(204);
        assertThat(task(instance).getAssignee()).isEqualTo("commission1");
    }

    @Test
    void anAdministratorsRepairNeedsAReasonAndShowsInTheTimeline() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        Job timer = timer(instance, "Event_AppealPeriodExpired");
        String execute = "/engine-rest/job/" + timer.getId() + "/execute";

        Answer noReason = http.post("demo", execute, null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").findValuesAsText("field")).containsExactly("X-Intervention-Reason");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitLegalEffect");

        // Kazakh/Cyrillic reasons travel percent-encoded
        String reason = "Сот шешімі 12.03 заңды күшіне енді";
        Answer fired = http.send("demo", "POST", execute, null, Map.of("X-Intervention-Reason",
                java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        assertThat(fired.status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");

        Answer modification = http.post("demo", "/engine-rest/process-instance/" + instance.getId() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_CancelRegistration"),
                        Map.of("type", "startBeforeActivity", "activityId", "Task_CancelRegistration")),
                        "annotation", "task recreated after a wrong district was corrected"));
        assertThat(modification.status()).isEqualTo(204);

        JsonNode timeline = http.get("auditor", "/api/cases/" + instance.getBusinessKey() + "/history").body();
        List<JsonNode> interventions = new java.util.ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            if ("INTERVENTION".equals(entry.get("kind").asText())) {
                interventions.add(entry);
            }
        });
        assertThat(interventions).extracting(entry -> entry.get("reason").asText())
                .containsExactly(reason, "task recreated after a wrong district was corrected");
        assertThat(interventions).allSatisfy(entry -> assertThat(entry.get("user").asText()).isEqualTo("demo"));
        assertThat(interventions.get(0).get("detail").asText()).contains("executeJob");
        JsonNode timerFired = null;
        for (JsonNode entry : timeline.get("entries")) {
            if ("TIMER_FIRED".equals(entry.get("kind").asText())
                    && "Event_AppealPeriodExpired".equals(entry.get("activityId").asText())) {
                timerFired = entry;
            }
        }
        assertThat(timerFired).isNotNull();
        assertThat(timerFired.get("user").asText()).isEqualTo("demo");
        JsonNode withdrawn = null;
        for (JsonNode entry : timeline.get("entries")) {
            if ("TASK_WITHDRAWN".equals(entry.get("kind").asText())) {
                withdrawn = entry;
            }
        }
        assertThat(withdrawn).isNotNull();
        assertThat(withdrawn.get("reason").asText()).isEqualTo("withdrawn by an administrator's intervention");

        JsonNode listed = http.get("auditor", "/api/interventions?caseNumber=" + instance.getBusinessKey()).body();
        assertThat(listed.findValuesAsText("reason")).containsExactly(
                "task recreated after a wrong district was corrected", reason);
        assertThat(http.get("auditor", "/api/interventions/cases").body().findValuesAsText(""))
                .isNotNull();
        assertThat(http.get("auditor", "/api/interventions/cases").text()).contains(instance.getBusinessKey());
        assertThat(http.get("prosecutor", "/api/interventions").status()).isEqualTo(403);
    }

    @Test
    void aRefusedRepairChangesNothingAndRecordsNothing() {
        ProcessInstance instance = candidateCase("102");
        Answer wrong = http.send("demo", "POST", "/engine-rest/process-instance/" + instance.getId() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_NoSuchStep"))),
                Map.of("X-Intervention-Reason", "testing"));
        assertThat(wrong.status()).isBetween(400, 499);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(http.get("auditor", "/api/interventions?caseNumber=" + instance.getBusinessKey()).body()).isEmpty();
    }

    @Test
    void aReasonGivenAheadCoversAnAdministratorsRepairsOfThatCaseInCockpit() {
        ProcessInstance instance = candidateCase("102");
        ProcessInstance other = candidateCase("102");
        String suspend = "/camunda/api/engine/engine/default/process-instance/%s/suspended";
        TasklistSession cockpit = new TasklistSession(port, "demo");
        assertThat(cockpit.send("PUT", suspend.formatted(instance.getId()), "{\"suspended\":true}", true))
                .isEqualTo(400);
        assertThat(http.post("prosecutor", "/api/interventions/notices", Map.of("caseNumber",
                instance.getBusinessKey(), "reason", "x")).status()).isEqualTo(403);
        assertThat(http.post("demo", "/api/interventions/notices", Map.of("caseNumber", instance.getBusinessKey()))
                .body().get("errors").findValuesAsText("field")).containsExactly("reason");

        Answer notice = http.post("demo", "/api/interventions/notices", Map.of("caseNumber", instance.getBusinessKey(),
                "reason", "court asked to hold the case until its hearing"));
        assertThat(notice.status()).isEqualTo(201);
        assertThat(cockpit.send("PUT", suspend.formatted(instance.getId()), "{\"suspended\":true}", true))
                .isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .isSuspended()).isTrue();
        // the notice is for that case only
        assertThat(cockpit.send("PUT", suspend.formatted(other.getId()), "{\"suspended\":true}", true)).isEqualTo(400);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(other.getId()).singleResult()
                .isSuspended()).isFalse();
        assertThat(http.get("auditor", "/api/interventions?caseNumber=" + instance.getBusinessKey()).body()
                .findValuesAsText("reason")).containsExactly("court asked to hold the case until its hearing");

        // and it expires
        setClock(java.time.Instant.now().plus(java.time.Duration.ofHours(2)));
        assertThat(cockpit.send("PUT", suspend.formatted(instance.getId()), "{\"suspended\":false}", true))
                .isEqualTo(400);
    }

    @Test
    void staffStartCasesOnTheNewestVersionOfTheProcessOnly() throws java.io.IOException {
        var repository = processEngine.getRepositoryService();
        String older = repository.createProcessDefinitionQuery().processDefinitionKey("ViolationCase").latestVersion()
                .singleResult().getId();
        String bpmn = java.nio.file.Files.readString(java.nio.file.Path.of("processes/violation-case.bpmn"));
        var newer = repository.createDeployment().name("integrity-test-revision")
                .addString("violation-case.bpmn", bpmn)
                .enableDuplicateFiltering(false).deploy();
        try {
            long cases = runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count();
            Answer answer = http.post("prosecutor", "/engine-rest/process-definition/" + older + "/submit-form",
                    Map.of("variables", Map.of()));
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.text()).contains("newest version");
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count())
                    .isEqualTo(cases);
        } finally {
            repository.deleteDeployment(newer.getId(), true);
        }
    }
}
