package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each group's rights, proven over HTTP against the running application (authorizations on). */
class AccessRulesTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;
    Election election;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        election = election(LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(40).toString(), "Asia/Almaty");
    }

    private ProcessInstance newCase() {
        return startCase(election, "CANDIDATE", "102", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(3).toString());
    }

    private ProcessInstance caseAtCancellation() {
        ProcessInstance instance = newCase();
        bringToLegalEffectWait(instance, LocalDate.now(ZoneId.of("Asia/Almaty")).toString());
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    private List<String> visibleTaskKeys(String user, ProcessInstance instance) {
        return http.get(user, "/engine-rest/task?processInstanceId=" + instance.getId()).body()
                .findValuesAsText("taskDefinitionKey");
    }

    private Answer completeOverRest(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new java.util.HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    private long openTasks(ProcessInstance instance) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count();
    }

    @Test
    void onlyHealthAndTheWebappLoginPagesAreOpen() {
        Answer health = http.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).isEqualTo("{\"status\":\"UP\"}");
        for (String path : List.of("/api/elections", "/api/cases/2026-000001", "/engine-rest/task",
                "/engine-rest/process-definition", "/engine-rest/history/process-instance", "/v3/api-docs",
                "/swagger-ui.html", "/actuator/env", "/camunda/api/engine/engine/default/task")) {
            assertThat(http.get(null, path).status()).as(path).isIn(401, 403, 404);
            assertThat(http.get(null, path).status()).as(path).isNotEqualTo(200);
        }
        assertThat(http.get(null, "/api/elections").status()).isEqualTo(401);
        assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get(null, "/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(http.get(null, "/camunda/app/cockpit/default/").status()).isEqualTo(200);
    }

    @Test
    void prosecutorsStartCasesWorkTheirTasksAndReadTheirCases() {
        Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId", election.id(), "region", "Almaty",
                "committedOn", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1).toString(), "place", "Square",
                "offender", Map.of("kind", "CITIZEN", "name", "A. Citizen", "iin", kz.elections.violations.support.TestIins.next()),
                "article", "114", "source", "COMPLAINT", "description", "Posters torn down"));
        assertThat(created.status()).isEqualTo(201);
        String instanceId = created.body().get("processInstanceId").asText();
        JsonNode tasks = http.get("prosecutor", "/engine-rest/task?processInstanceId=" + instanceId).body();
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("Task_CheckFact");
        assertThat(completeOverRest("prosecutor", tasks.get(0).get("id").asText(), Map.of("factConfirmed", true))
                .status()).isEqualTo(204);
        assertThat(http.get("prosecutor", "/engine-rest/process-instance/" + instanceId).status()).isEqualTo(200);
        assertThat(http.get("prosecutor", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)
                .body()).hasSize(1);
        assertThat(http.get("prosecutor", "/engine-rest/process-instance/" + instanceId + "/variables/offenderIin")
                .status()).isEqualTo(200);
    }

    @Test
    void theCecSeesOnlyConsentTasksAndCannotRecordARuling() {
        ProcessInstance atConsent = newCase();
        complete(task(atConsent), withVariables("factConfirmed", true));
        ProcessInstance atRuling = newCase();
        complete(task(atRuling), withVariables("factConfirmed", true));
        complete(task(atRuling), withVariables("consentGranted", true));

        assertThat(visibleTaskKeys("cec", atConsent)).containsExactly("Task_DecideConsent");
        assertThat(visibleTaskKeys("cec", atRuling)).isEmpty();
        assertThat(http.get("cec", "/engine-rest/task").body().findValuesAsText("taskDefinitionKey"))
                .isNotEmpty().allMatch("Task_DecideConsent"::equals);

        String rulingTask = task(atRuling).getId();
        assertThat(completeOverRest("cec", rulingTask, Map.of("rulingOutcome", "WARNING",
                "rulingDate", LocalDate.now(ZoneId.of("Asia/Almaty")).toString())).status()).isEqualTo(403);
        BpmnAwareTests.assertThat(atRuling).isWaitingAt("Task_RecordCourtRuling");
        assertThat(http.post("cec", "/api/cases", Map.of()).status()).isEqualTo(403);

        assertThat(completeOverRest("cec", task(atConsent).getId(), Map.of("consentGranted", true)).status())
                .isEqualTo(204);
        BpmnAwareTests.assertThat(atConsent).isWaitingAt("Task_RecordCourtRuling");
    }

    @Test
    void aDistrictCommissionSeesAndCompletesOnlyTheTasksOfItsOwnDistrict() {
        ProcessInstance instance = caseAtCancellation();
        String taskId = task(instance).getId();

        assertThat(visibleTaskKeys("commission1", instance)).containsExactly("Task_CancelRegistration");
        assertThat(visibleTaskKeys("commission2", instance)).isEmpty();
        assertThat(new TasklistSession(port, "commission1").tasks(instance.getId()).findValuesAsText("id"))
                .containsExactly(taskId);
        assertThat(new TasklistSession(port, "commission2").tasks(instance.getId())).isEmpty();

        // the webapps keep their CSRF protection: a state change without the token is refused
        String claim = "/camunda/api/engine/engine/default/task/" + taskId + "/claim";
        String body = "{\"userId\":\"commission1\"}";
        assertThat(new TasklistSession(port, "commission1").post(claim, body, false)).as("CSRF").isEqualTo(403);
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(new TasklistSession(port, "commission1").post(claim, body, true)).isEqualTo(204);

        assertThat(completeOverRest("commission2", taskId, Map.of("decisionNumber", "2/2")).status()).isEqualTo(403);
        assertThat(http.get("commission2", "/api/cases/" + instance.getBusinessKey()).status()).isEqualTo(404);
        assertThat(http.get("commission2", "/engine-rest/process-instance/" + instance.getId()).status())
                .isIn(403, 404);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");

        assertThat(http.get("commission1", "/api/cases/" + instance.getBusinessKey()).status()).isEqualTo(200);
        assertThat(completeOverRest("commission1", taskId, Map.of("decisionNumber", "1/1")).status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).hasPassed("Task_CancelRegistration");
    }

    @Test
    void auditorsReadEverythingAndChangeNothing() {
        ProcessInstance instance = newCase();
        String taskId = task(instance).getId();
        assertThat(completeOverRest("auditor", taskId, Map.of("factConfirmed", true)).status()).isEqualTo(403);

        assertThat(http.get("auditor", "/engine-rest/process-instance/" + instance.getId()).status()).isEqualTo(200);
        assertThat(http.get("auditor", "/engine-rest/task?processInstanceId=" + instance.getId()).body()).hasSize(1);
        assertThat(http.get("auditor", "/engine-rest/history/process-instance?processInstanceId=" + instance.getId())
                .body()).hasSize(1);
        assertThat(http.get("auditor", "/engine-rest/history/activity-instance?processInstanceId=" + instance.getId())
                .body()).isNotEmpty();
        assertThat(http.get("auditor", "/engine-rest/history/user-operation?entityType=Task").status()).isEqualTo(200);
        assertThat(http.get("auditor", "/engine-rest/process-definition?key=ViolationCase").body()).isNotEmpty();
        assertThat(http.get("auditor", "/engine-rest/decision-definition?key=CaseFollowUp").body()).isNotEmpty();
        assertThat(http.get("auditor", "/api/cases/" + instance.getBusinessKey()).status()).isEqualTo(200);

        List<Answer> writes = List.of(
                http.post("auditor", "/engine-rest/process-definition/key/ViolationCase/start", Map.of()),
                http.post("auditor", "/engine-rest/message",
                        Map.of("messageName", "AppealFiled", "businessKey", instance.getBusinessKey())),
                http.put("auditor", "/engine-rest/process-instance/" + instance.getId() + "/variables/region",
                        Map.of("value", "Astana")),
                http.send("auditor", "DELETE", "/engine-rest/process-instance/" + instance.getId(), null),
                http.post("auditor", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "auditor")),
                http.post("auditor", "/engine-rest/user/create", Map.of("profile", Map.of("id", "mole"),
                        "credentials", Map.of("password", "mole-password"))),
                http.post("auditor", "/api/cases", Map.of()),
                http.put("auditor", "/api/elections/" + election.id(), Map.of("name", "X", "level", "MAZHILIS",
                        "votingDay", "2030-01-01", "timeZone", "Asia/Almaty")));
        assertThat(writes).extracting(Answer::status).allSatisfy(status -> assertThat(status).isIn(400, 403));
        assertThat(writes).extracting(Answer::status).filteredOn(status -> status == 403).hasSizeGreaterThan(5);

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(runtimeService.getVariable(instance.getId(), "region")).isEqualTo("Almaty");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(processEngine.getIdentityService().createUserQuery().userId("mole").count()).isZero();
        assertThat(elections.get(election.id()).name()).isEqualTo(election.name());
    }

    @Test
    void adminsDeployAndManageUsersOthersMayNot() {
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"test\"><process id=\"AdminProbe\" "
                + "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"Start\"/></process></definitions>";
        assertThat(deploy("prosecutor", bpmn)).isEqualTo(403);
        assertThat(deploy("auditor", bpmn)).isEqualTo(403);
        assertThat(deploy("demo", bpmn)).isEqualTo(200);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("AdminProbe")
                .count()).isEqualTo(1);
        assertThat(http.get("auditor", "/engine-rest/history/user-operation?entityType=Deployment&userId=demo")
                .body()).isNotEmpty();

        Map<String, Object> user = Map.of("profile", Map.of("id", "newclerk", "firstName", "New", "lastName", "Clerk"),
                "credentials", Map.of("password", "clerk-password-1"));
        assertThat(http.post("prosecutor", "/engine-rest/user/create", user).status()).isEqualTo(403);
        assertThat(http.post("demo", "/engine-rest/user/create", user).status()).isEqualTo(204);
        assertThat(processEngine.getIdentityService().checkPassword("newclerk", "clerk-password-1")).isTrue();
    }

    private int deploy(String user, String bpmn) {
        return http.deploy(user, "probe.bpmn", bpmn).status();
    }

    @Test
    void whoCompletedEachStepIsRecordedWithTheAuthenticatedUser() {
        ProcessInstance instance = newCase();
        assertThat(completeOverRest("prosecutor", task(instance).getId(), Map.of("factConfirmed", true)).status())
                .isEqualTo(204);
        assertThat(completeOverRest("cec", task(instance).getId(), Map.of("consentGranted", true)).status())
                .isEqualTo(204);
        // a correction outside the process is an administrator's intervention, with a reason
        assertThat(http.send("demo", "PUT", "/engine-rest/process-instance/" + instance.getId() + "/variables/courtName",
                Map.of("value", "Specialised administrative court of Almaty", "type", "String"),
                Map.of("X-Intervention-Reason", "court%20name%20missing%20from%20the%20intake")).status())
                .isEqualTo(204);

        JsonNode log = http.get("auditor", "/engine-rest/history/user-operation?processInstanceId=" + instance.getId())
                .body();
        assertThat(log.findValuesAsText("operationType")).contains("Complete", "SetVariable");
        for (JsonNode entry : log) {
            if (entry.get("operationType").asText().equals("SetVariable")) {
                assertThat(entry.get("userId").asText()).isEqualTo("demo");
            }
        }
        JsonNode steps = http.get("auditor", "/api/cases/" + instance.getBusinessKey()).body().get("steps");
        assertThat(steps.findValuesAsText("taskDefinitionKey")).containsExactly("Task_CheckFact", "Task_DecideConsent");
        assertThat(steps.findValuesAsText("completedBy")).containsExactly("prosecutor", "cec");
    }

    @Test
    void identificationNumbersAreShownInFullOnlyToProsecutorsAndTheCasesCommission() {
        ProcessInstance instance = newCase();
        String iin = (String) runtimeService.getVariable(instance.getId(), "offenderIin");
        String path = "/api/cases/" + instance.getBusinessKey();
        assertThat(http.get("prosecutor", path).body().at("/offender/iin").asText()).isEqualTo(iin);
        assertThat(http.get("commission1", path).body().at("/offender/iin").asText()).isEqualTo(iin);
        String masked = "********" + iin.substring(8);
        assertThat(http.get("auditor", path).body().at("/offender/iin").asText()).isEqualTo(masked);
        assertThat(http.get("cec", path).body().at("/offender/iin").asText()).isEqualTo(masked);
        assertThat(http.get("demo", path).body().at("/offender/iin").asText()).isEqualTo(masked);
    }

    @Test
    void rawVariablesInTheEngineAreReadOnlyByProsecutorsAndTheTasksCandidates() {
        ProcessInstance instance = caseAtCancellation();
        String taskId = task(instance).getId();
        String variables = "/engine-rest/process-instance/" + instance.getId() + "/variables";
        String history = "/engine-rest/history/variable-instance?processInstanceId=" + instance.getId();
        assertThat(http.get("prosecutor", variables).text()).contains("offenderIin");
        assertThat(http.get("prosecutor", history).text()).contains("offenderIin");
        assertThat(http.get("commission1", "/engine-rest/task/" + taskId + "/form-variables").text())
                .contains("offenderIin");
        assertThat(http.get("auditor", variables).status()).isEqualTo(403);
        assertThat(http.get("auditor", history).body()).isEmpty();
        assertThat(http.get("auditor", "/engine-rest/task/" + taskId + "/variables").status()).isEqualTo(403);
        assertThat(http.get("commission2", "/engine-rest/task/" + taskId + "/variables").status()).isEqualTo(403);
    }
}
