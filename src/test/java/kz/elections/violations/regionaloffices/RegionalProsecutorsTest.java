package kz.elections.violations.regionaloffices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.evidence.EvidenceRequests;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import kz.elections.violations.support.TestIins;
import kz.elections.violations.tasklist.TasklistFilters;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A regional prosecutors' office over HTTP as the demo users: {@code prosecutor-almaty} works and reads the
 * cases of Almaty and nothing of Astana's, on every route (project API, engine REST, Tasklist's mount);
 * {@code prosecutor-astana} the other way round; {@code prosecutor} (the General Prosecutor's Office) and the
 * auditor read both.
 */
class RegionalProsecutorsTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    HttpApi http;
    Election election;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        election = election(LocalDate.now(ALMATY).plusDays(40).toString(), "Asia/Almaty");
    }

    private Map<String, Object> fact(String region) {
        return new HashMap<>(Map.of("electionId", election.id(), "region", region,
                "committedOn", LocalDate.now(ALMATY).minusDays(1).toString(), "place", "Square",
                "offender", Map.of("kind", "CANDIDATE", "name", "Candidate of " + region, "iin", TestIins.next(),
                        "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Leaflets on the day of silence"));
    }

    private JsonNode registered(String user, String region) {
        Answer created = http.post(user, "/api/cases", fact(region));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private Task openTask(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private Answer complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A case brought to the wait for its ruling's legal effect, where it takes the message AppealFiled. */
    private void toLegalEffectWait(String user, String processInstanceId) {
        assertThat(complete(user, openTask(processInstanceId).getId(), Map.of("factConfirmed", true)).status())
                .isEqualTo(204);
        assertThat(complete("cec", openTask(processInstanceId).getId(), Map.of("consentGranted", true)).status())
                .isEqualTo(204);
        Task ruling = openTask(processInstanceId);
        assertThat(ruling.getTaskDefinitionKey()).isEqualTo("Task_RecordCourtRuling");
        Answer ruled = complete(user, ruling.getId(), Map.of("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", LocalDate.now(ALMATY).toString()));
        assertThat(ruled.status()).as(ruled.text()).isEqualTo(204);
        assertThat(runtimeService.getActiveActivityIds(processInstanceId)).contains("Gateway_AwaitLegalEffect");
    }

    @Test
    void aRegionalOfficeWorksItsOwnRegionsCasesAndReadsNothingOfAnothersOnAnyRoute() {
        JsonNode almaty = registered("prosecutor-almaty", "almaty");
        JsonNode astana = registered("prosecutor-astana", "Astana");
        String own = almaty.get("caseNumber").asText();
        String other = astana.get("caseNumber").asText();
        String ownId = almaty.get("processInstanceId").asText();
        String otherId = astana.get("processInstanceId").asText();
        String otherTask = openTask(otherId).getId();
        String ownTask = openTask(ownId).getId();
        assertThat(candidateGroups(ownTask)).containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        assertThat(candidateGroups(otherTask)).containsExactlyInAnyOrder("prosecutors", "prosecutors-astana");

        // the project API: one case, the list, its CSV, the timeline, the statistics, the deadlines
        Answer ownCase = http.get("prosecutor-almaty", "/api/cases/" + own);
        assertThat(ownCase.status()).isEqualTo(200);
        assertThat(ownCase.body().get("region").asText()).isEqualTo("Almaty");
        assertThat(ownCase.body().get("regionCode").asText()).isEqualTo("almaty");
        assertThat(ownCase.body().at("/offender/iin").asText()).matches("\\d{12}");
        Answer otherCase = http.get("prosecutor-almaty", "/api/cases/" + other);
        assertThat(otherCase.status()).isEqualTo(404);
        assertThat(otherCase.text()).doesNotContain("Candidate of Astana");
        JsonNode list = http.get("prosecutor-almaty", "/api/cases?electionId=" + election.id()).body();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").findValuesAsText("caseNumber")).containsExactly(own);
        assertThat(http.get("prosecutor-almaty", "/api/cases?electionId=" + election.id() + "&region=Astana").body()
                .get("total").asLong()).isZero();
        String csv = http.get("prosecutor-almaty", "/api/cases.csv?electionId=" + election.id()).text();
        assertThat(csv).contains(own).doesNotContain(other).doesNotContain("Candidate of Astana");
        assertThat(csv.split("\r\n")[0]).endsWith(",processVersion,regionCode");
        assertThat(csv.split("\r\n")[1]).endsWith(",almaty");
        assertThat(http.get("prosecutor-almaty", "/api/cases/" + own + "/history").status()).isEqualTo(200);
        Answer otherTimeline = http.get("prosecutor-almaty", "/api/cases/" + other + "/history");
        assertThat(otherTimeline.status()).isEqualTo(404);
        assertThat(otherTimeline.text()).doesNotContain("Candidate of Astana");
        JsonNode statistics = http.get("prosecutor-almaty", "/api/statistics?electionId=" + election.id()).body();
        assertThat(statistics.get("facts").asLong()).isEqualTo(1);
        assertThat(statistics.get("byRegion").size()).isEqualTo(1);
        assertThat(statistics.at("/byRegion/Almaty").asLong()).isEqualTo(1);
        assertThat(http.get("prosecutor-almaty", "/api/statistics").body().get("byRegion").has("Astana")).isFalse();
        assertThat(http.get("prosecutor-almaty", "/api/statistics.csv?electionId=" + election.id()).text())
                .contains("facts,,1\r\n").contains("byRegion,Almaty,1").doesNotContain("Astana");
        Answer deadlinesAnswer = http.get("prosecutor-almaty", "/api/deadlines?electionId=" + election.id()
                + "&limit=200");
        assertThat(deadlinesAnswer.status()).as(deadlinesAnswer.text()).isEqualTo(200);
        JsonNode deadlines = deadlinesAnswer.body();
        assertThat(deadlines.get("tasks").findValuesAsText("caseNumber")).contains(own).doesNotContain(other);
        assertThat(deadlines.at("/elections/0/byTask").findValuesAsText("taskDefinitionKey"))
                .containsExactly("Task_CheckFact");
        long ownOpen = 0;
        for (JsonNode count : deadlines.at("/elections/0/counts")) {
            ownOpen += count.asLong();
        }
        assertThat(ownOpen).as("the open tasks of its own case only").isEqualTo(1);

        // the engine REST API: tasks, instances, history, variables
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task?processInstanceId=" + otherId).body()).isEmpty();
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task?processInstanceId=" + ownId).body()
                .findValuesAsText("id")).containsExactly(ownTask);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task?candidateGroup=prosecutors").body()
                .findValuesAsText("processInstanceId")).doesNotContain(otherId);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task/" + otherTask).status()).isIn(403, 404);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task/" + otherTask + "/variables").status())
                .isIn(403, 404);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task/" + otherTask + "/form-variables").status())
                .isIn(403, 404);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task/" + ownTask).status()).isEqualTo(200);
        for (String path : List.of("/engine-rest/process-instance?processInstanceIds=" + otherId,
                "/engine-rest/process-instance?businessKey=" + other,
                "/engine-rest/history/process-instance?processInstanceId=" + otherId,
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + other,
                "/engine-rest/history/variable-instance?processInstanceId=" + otherId,
                "/engine-rest/variable-instance?processInstanceIdIn=" + otherId,
                "/engine-rest/history/task?processInstanceId=" + otherId,
                "/engine-rest/history/activity-instance?processInstanceId=" + otherId,
                "/engine-rest/history/detail?processInstanceId=" + otherId,
                "/engine-rest/history/user-operation?processInstanceId=" + otherId,
                "/engine-rest/history/identity-link-log?processInstanceId=" + otherId,
                "/engine-rest/execution?processInstanceId=" + otherId,
                "/engine-rest/job?processInstanceId=" + otherId,
                "/engine-rest/event-subscription?processInstanceId=" + otherId)) {
            Answer answer = http.get("prosecutor-almaty", path);
            assertThat(answer.status()).as(path).isIn(200, 403, 404);
            assertThat(answer.status() == 200 ? answer.body().size() : 0).as(path + ": " + answer.text()).isZero();
            assertThat(answer.text()).as(path).doesNotContain("Candidate of Astana").doesNotContain(other);
        }
        for (String path : List.of("/engine-rest/process-instance/" + otherId,
                "/engine-rest/process-instance/" + otherId + "/variables",
                "/engine-rest/process-instance/" + otherId + "/variables/offenderName",
                "/engine-rest/process-instance/" + otherId + "/activity-instances",
                "/engine-rest/history/process-instance/" + otherId)) {
            Answer answer = http.get("prosecutor-almaty", path);
            assertThat(answer.status()).as(path).isIn(403, 404);
            assertThat(answer.text()).as(path).doesNotContain("Candidate of Astana");
        }
        // nor the cases of its own region beyond its tasks: the engine reads them for the General Prosecutor's Office
        assertThat(http.get("prosecutor-almaty", "/engine-rest/history/process-instance?processInstanceId=" + ownId)
                .body()).isEmpty();
        assertThat(http.get("prosecutor", "/engine-rest/history/process-instance?processInstanceId=" + otherId)
                .body()).hasSize(1);

        // Tasklist: the webapps' engine mount with a session
        TasklistSession tasklist = new TasklistSession(port, "prosecutor-almaty");
        assertThat(tasklist.tasks(otherId)).isEmpty();
        assertThat(tasklist.tasks(ownId).findValuesAsText("id")).containsExactly(ownTask);
        assertThat(tasklist.call("GET", WEBAPP_ENGINE + "/task/" + otherTask, null, null).statusCode()).isIn(403, 404);
        assertThat(tasklist.call("GET", WEBAPP_ENGINE + "/task/" + ownTask, null, null).statusCode()).isEqualTo(200);
        // its own task's form and the case's values the form shows
        assertThat(tasklist.call("GET", WEBAPP_ENGINE + "/task/" + ownTask + "/deployed-form", null, null)
                .statusCode()).isEqualTo(200);
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task/" + ownTask + "/form-variables").path("offenderName")
                .path("value").asText()).isEqualTo("Candidate of almaty");
        assertThat(tasklist.call("GET", WEBAPP_ENGINE + "/task/" + otherTask + "/form-variables", null, null)
                .statusCode()).isIn(403, 404);
        assertThat(tasklist.get(WEBAPP_ENGINE + "/task?candidateGroup=prosecutors-astana")).isEmpty();
        assertThat(tasklist.get(WEBAPP_ENGINE + "/process-instance?processInstanceIds=" + otherId)).isEmpty();
        assertThat(tasklist.get(WEBAPP_ENGINE + "/history/process-instance?processInstanceId=" + otherId)).isEmpty();
        assertThat(tasklist.get(WEBAPP_ENGINE + "/variable-instance?processInstanceIdIn=" + otherId)).isEmpty();

        // changes to another region's case: refused, nothing changed
        assertThat(complete("prosecutor-almaty", otherTask, Map.of("factConfirmed", true)).status()).isIn(403, 404);
        assertThat(http.post("prosecutor-almaty", "/engine-rest/task/" + otherTask + "/claim",
                Map.of("userId", "prosecutor-almaty")).status()).isIn(403, 404);
        assertThat(tasklist.post(WEBAPP_ENGINE + "/task/" + otherTask + "/complete",
                "{\"variables\": {\"factConfirmed\": {\"value\": true}}}", true)).isIn(403, 404);
        assertThat(openTask(otherId).getId()).isEqualTo(otherTask);
        assertThat(openTask(otherId).getAssignee()).isNull();

        // its own: claimed and completed over REST, the next prosecutors' task offered to it again
        assertThat(http.post("prosecutor-almaty", "/engine-rest/task/" + ownTask + "/claim",
                Map.of("userId", "prosecutor-almaty")).status()).isEqualTo(204);
        toLegalEffectWait("prosecutor-almaty", ownId);
        toLegalEffectWait("prosecutor-astana", otherId);

        // the case messages: to its own region's case only
        Answer toOther = http.post("prosecutor-almaty", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", other));
        assertThat(toOther.status()).isEqualTo(404);
        assertThat(tasklist.post(WEBAPP_ENGINE + "/message",
                "{\"messageName\": \"AppealFiled\", \"businessKey\": \"" + other + "\"}", true)).isEqualTo(404);
        assertThat(runtimeService.getActiveActivityIds(otherId)).contains("Gateway_AwaitLegalEffect");
        Answer toOwn = http.post("prosecutor-almaty", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", own));
        assertThat(toOwn.status()).as(toOwn.text()).isIn(200, 204);
        Task appeal = openTask(ownId);
        assertThat(appeal.getTaskDefinitionKey()).isEqualTo("Task_RecordAppealDecision");
        assertThat(candidateGroups(appeal.getId())).containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        assertThat(http.post("prosecutor-astana", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", other)).status()).isIn(200, 204);

        // the General Prosecutor's Office and the auditors read both regions
        JsonNode general = http.get("prosecutor", "/api/cases?electionId=" + election.id()).body();
        assertThat(general.get("items").findValuesAsText("caseNumber")).containsExactlyInAnyOrder(own, other);
        assertThat(http.get("prosecutor", "/api/statistics?electionId=" + election.id()).body().get("byRegion"))
                .hasSize(2);
        assertThat(http.get("prosecutor", "/engine-rest/task?processInstanceId=" + otherId).body()).hasSize(1);
        assertThat(http.get("prosecutor", "/api/cases/" + other + "/history").status()).isEqualTo(200);
        assertThat(http.get("auditor", "/api/cases?electionId=" + election.id()).body().get("total").asLong())
                .isEqualTo(2);
        assertThat(http.get("prosecutor-astana", "/api/cases?electionId=" + election.id()).body()
                .get("items").findValuesAsText("caseNumber")).containsExactly(other);
    }

    @Test
    void aRegionalOfficeRegistersFactsOfItsOwnRegionOnlyOnEveryWayIn() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count();
        Answer api = http.post("prosecutor-almaty", "/api/cases", fact("Astana"));
        assertThat(api.status()).as(api.text()).isEqualTo(403);
        assertThat(api.text()).contains("own region");
        Map<String, Object> variables = new HashMap<>();
        fact("astana").forEach((name, value) -> {
            if (value instanceof Map<?, ?> offender) {
                variables.put("offenderKind", Map.of("value", offender.get("kind")));
                variables.put("offenderName", Map.of("value", offender.get("name")));
                variables.put("offenderIin", Map.of("value", offender.get("iin")));
                variables.put("districtCommission", Map.of("value", offender.get("districtCommission")));
            } else {
                variables.put(name, Map.of("value", value));
            }
        });
        String start = "/process-definition/key/ViolationCase/submit-form";
        Answer rest = http.post("prosecutor-almaty", "/engine-rest" + start, Map.of("variables", variables));
        assertThat(rest.status()).as(rest.text()).isEqualTo(403);
        TasklistSession tasklist = new TasklistSession(port, "prosecutor-almaty");
        // the start form offers every region by its Kazakh and Russian names
        JsonNode form = tasklist.get(WEBAPP_ENGINE + "/process-definition/key/ViolationCase/deployed-start-form");
        JsonNode regionSelect = form.path("components").findParents("key").stream()
                .filter(component -> "region".equals(component.path("key").asText())).findFirst().orElseThrow();
        assertThat(regionSelect.path("type").asText()).isEqualTo("select");
        assertThat(regionSelect.path("values")).hasSize(20).anySatisfy(option -> {
            assertThat(option.path("value").asText()).isEqualTo("almaty-region");
            assertThat(option.path("label").asText()).isEqualTo("Алматы облысы / Алматинская область");
        }).anySatisfy(option -> {
            assertThat(option.path("value").asText()).isEqualTo("almaty");
            assertThat(option.path("label").asText()).isEqualTo("Алматы");
        });
        String body = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("variables", variables))
                .toString();
        assertThat(tasklist.post(WEBAPP_ENGINE + start, body, true)).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count())
                .isEqualTo(before);

        // its own region through the engine's REST API and Tasklist's start form; the General Prosecutor's Office any
        variables.put("region", Map.of("value", "almaty"));
        Answer ownStart = http.post("prosecutor-almaty", "/engine-rest" + start, Map.of("variables", variables));
        assertThat(ownStart.status()).as(ownStart.text()).isEqualTo(200);
        String started = ownStart.body().get("id").asText();
        assertThat(runtimeService.getVariable(started, "regionCode")).isEqualTo("almaty");
        assertThat(runtimeService.getVariable(started, "region")).isEqualTo("Almaty");
        assertThat(registered("prosecutor", "Astana").get("caseNumber").asText()).isNotBlank();
        assertThat(http.post("cec", "/api/cases", fact("Astana")).status()).isEqualTo(403);
    }

    @Test
    void theRegionIsTakenByCodeByItsNameInThreeLanguagesOrAnAliasAndKeptByItsEnglishName() {
        for (String region : List.of("karaganda", "Karaganda Region", "Карагандинская область", "Қарағанды облысы",
                " qaraghandy region ")) {
            JsonNode created = registered("prosecutor", region);
            String id = created.get("processInstanceId").asText();
            assertThat(runtimeService.getVariable(id, "region")).as(region).isEqualTo("Karaganda Region");
            assertThat(runtimeService.getVariable(id, "regionCode")).as(region).isEqualTo("karaganda");
            assertThat(candidateGroups(openTask(id).getId())).containsExactlyInAnyOrder("prosecutors",
                    "prosecutors-karaganda");
        }
        assertThat(http.get("prosecutor", "/api/statistics?electionId=" + election.id()).body()
                .at("/byRegion/Karaganda Region").asLong()).isEqualTo(5);

        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count();
        Answer unknown = http.post("prosecutor", "/api/cases", fact("Atlantis"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("region");
            assertThat(error.get("message").asText()).contains("GET /api/regions");
        });
        Answer regional = http.post("prosecutor-almaty", "/api/cases", fact("Atlantis"));
        assertThat(regional.status()).isEqualTo(400);
        assertThat(regional.body().get("errors").findValuesAsText("field")).containsExactly("region");
        Answer overRest = http.send("prosecutor", "POST", "/engine-rest/process-definition/key/ViolationCase/start",
                Map.of("variables", Map.of("electionId", Map.of("value", election.id()),
                        "region", Map.of("value", "Atlantis"))), Map.of("Accept-Language", "ru"));
        assertThat(overRest.status()).isEqualTo(400);
        assertThat(overRest.body().get("errors").findValuesAsText("field")).contains("region");
        assertThat(overRest.body().get("message").asText()).contains("такого региона нет");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count())
                .isEqualTo(before);
    }

    @Test
    void aRegionalProsecutorFindsTheirTasksInTheTasklistFilters() {
        String own = registered("prosecutor-almaty", "Алматы").get("processInstanceId").asText();
        String other = registered("prosecutor", "Astana").get("processInstanceId").asText();
        String filterId = http.get("prosecutor-almaty", "/engine-rest/filter?resourceType=Task").body()
                .findParents("name").stream().filter(f -> TasklistFilters.GROUP_TASKS.equals(f.path("name").asText()))
                .findFirst().orElseThrow().path("id").asText();
        Answer listed = http.send("prosecutor-almaty", "POST", "/engine-rest/filter/" + filterId + "/list",
                Map.of("processInstanceIdIn", List.of(own, other)), Map.of("Accept", "application/hal+json"));
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        JsonNode tasks = listed.body().path("_embedded").path("task");
        assertThat(tasks.findValuesAsText("processInstanceId")).containsExactly(own);
        assertThat(tasks.get(0).path("_embedded").path("variable").findValuesAsText("name"))
                .contains("listCaseNumber", "listOffenderName", "listArticle", "listElectionName");
        assertThat(http.send("prosecutor", "POST", "/engine-rest/filter/" + filterId + "/list",
                Map.of("processInstanceIdIn", List.of(own, other)), Map.of()).body().findValuesAsText("processInstanceId"))
                .containsExactlyInAnyOrder(own, other);
    }

    @Test
    void aRegionalOfficeNeitherReadsNorAddsAnotherRegionsEvidence() {
        JsonNode astana = registered("prosecutor-astana", "Astana");
        String other = astana.get("caseNumber").asText();
        byte[] photo = new byte[512];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        EvidenceRequests evidence = new EvidenceRequests(port);
        EvidenceRequests.Answer added = evidence.upload("prosecutor-astana", other, EvidenceRequests.Part.file("leaflet.jpg", "image/jpeg",
                photo));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String id = added.json().get("id").asText();

        assertThat(http.get("prosecutor-almaty", "/api/cases/" + other + "/evidence").status()).isEqualTo(404);
        assertThat(http.get("prosecutor-almaty", "/api/cases/" + other + "/evidence/" + id).status()).isEqualTo(404);
        EvidenceRequests.Answer addedByAnother = evidence.upload("prosecutor-almaty", other,
                EvidenceRequests.Part.file("mine.jpg", "image/jpeg", photo));
        assertThat(addedByAnother.status()).isEqualTo(404);
        // the case's own office and the General Prosecutor's Office read it
        assertThat(http.get("prosecutor-astana", "/api/cases/" + other + "/evidence").body()).hasSize(1);
        assertThat(http.get("prosecutor", "/api/cases/" + other + "/evidence/" + id).status()).isEqualTo(200);
    }
}
