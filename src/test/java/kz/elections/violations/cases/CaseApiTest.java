package kz.elections.violations.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The project API and the engine's REST API over HTTP, as the contract's acceptance tests drive them. */
class CaseApiTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;
    String electionId;

    @BeforeEach
    void electionInFortyFiveDays() {
        http = new HttpApi(port);
        LocalDate votingDay = LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(45);
        Answer created = http.post("demo", "/api/elections", Map.of("name", "API test " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", votingDay.toString(), "timeZone", "Asia/Almaty"));
        assertThat(created.status()).isEqualTo(201);
        electionId = created.body().get("id").asText();
    }

    private Map<String, Object> candidateFact() {
        Map<String, Object> offender = new HashMap<>(Map.of("kind", "CANDIDATE", "name", "Test Candidate",
                "iin", TestIins.next(), "districtCommission", "1"));
        Map<String, Object> fact = new HashMap<>(Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(2).toString(),
                "place", "Abai avenue", "offender", offender, "article", "102", "source", "MONITORING",
                "description", "Leaflets before the registration deadline"));
        return fact;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> offender(Map<String, Object> fact) {
        return (Map<String, Object>) fact.get("offender");
    }

    private long caseCount() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count()
                + processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ViolationCase").finished().count();
    }

    private static List<String> fields(Answer answer) {
        return answer.body().get("errors").findValuesAsText("field");
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsCredentials() {
        assertThat(http.get(null, "/actuator/health").body().get("status").asText()).isEqualTo("UP");
        assertThat(http.get(null, "/api/elections").status()).isEqualTo(401);
        assertThat(http.get("intruder:secret", "/api/elections").status()).isEqualTo(401);
        assertThat(http.get(null, "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get("intruder:secret", "/engine-rest/task").status()).isEqualTo(401);
        assertThat(http.get("prosecutor", "/engine-rest/task").status()).isEqualTo(200);
        assertThat(http.post(null, "/api/cases", candidateFact()).status()).isEqualTo(401);
    }

    @Test
    void electionsCarryTheirMilestonesInTheirOwnTimeZone() {
        Answer created = http.post("demo", "/api/elections", Map.of("name", "Mazhilis 2023", "level", "MAZHILIS",
                "votingDay", "2023-03-19", "timeZone", "Asia/Almaty"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/elections/" + id);
        JsonNode milestones = created.body().get("milestones");
        assertThat(milestones.get("pollPublicationBanFrom").asText()).isEqualTo("2023-03-14T00:00:00+06:00");
        assertThat(milestones.get("registrationFreezeFrom").asText()).isEqualTo("2023-03-17T00:00:00+06:00");
        assertThat(milestones.get("campaigningEndsAt").asText()).isEqualTo("2023-03-18T00:00:00+06:00");
        assertThat(milestones.get("exitPollsFrom").asText()).isEqualTo("2023-03-20T00:00:00+06:00");

        // Almaty moved to UTC+5 on 1 March 2024: the tz database knows, a fixed offset would not
        Answer later = http.post("demo", "/api/elections", Map.of("name", "Mazhilis 2024", "level", "MAZHILIS",
                "votingDay", "2024-03-19", "timeZone", "Asia/Almaty"));
        assertThat(later.body().at("/milestones/registrationFreezeFrom").asText()).isEqualTo("2024-03-17T00:00:00+05:00");

        // a change moves the voting day to an upcoming day; the milestones follow
        LocalDate upcoming = LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(30);
        Answer moved = http.put("demo", "/api/elections/" + id, Map.of("name", "Mazhilis 2023", "level", "MAZHILIS",
                "votingDay", upcoming.toString(), "timeZone", "Asia/Aqtobe"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().at("/milestones/registrationFreezeFrom").asText())
                .isEqualTo(upcoming.minusDays(2) + "T00:00:00+05:00");
        Answer read = http.get("auditor", "/api/elections/" + id);
        assertThat(read.body().get("votingDay").asText()).isEqualTo(upcoming.toString());
        assertThat(http.get("auditor", "/api/elections").body().findValuesAsText("id")).contains(id);
        assertThat(http.get("auditor", "/api/elections/no-such-election").status()).isEqualTo(404);
    }

    @Test
    void electionsAreRefusedWithEveryBadFieldAndOnlyAdminsChangeThem() {
        Answer bad = http.post("demo", "/api/elections", Map.of("name", " ", "level", "CITY",
                "votingDay", "19.03.2023", "timeZone", "+06:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "level", "votingDay", "timeZone");
        assertThat(http.post("prosecutor", "/api/elections", Map.of("name", "X", "level", "MAZHILIS",
                "votingDay", "2030-01-01", "timeZone", "Asia/Almaty")).status()).isEqualTo(403);
        assertThat(http.put("cec", "/api/elections/" + electionId, Map.of("name", "X", "level", "MAZHILIS",
                "votingDay", "2030-01-01", "timeZone", "Asia/Almaty")).status()).isEqualTo(403);
    }

    @Test
    void aValidFactStartsACaseWithAReadableNumber() {
        Answer created = http.post("prosecutor", "/api/cases", candidateFact());
        assertThat(created.status()).isEqualTo(201);
        String caseNumber = created.body().get("caseNumber").asText();
        assertThat(caseNumber).matches("\\d{4}-\\d{6}");
        assertThat(created.header("Location")).endsWith("/api/cases/" + caseNumber);
        String processInstanceId = created.body().get("processInstanceId").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getBusinessKey()).isEqualTo(caseNumber);

        Answer view = http.get("prosecutor", "/api/cases/" + caseNumber);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(view.body().get("outcome").isNull()).isTrue();
        assertThat(view.body().get("registration").asText()).isEqualTo("REGISTERED");
        assertThat(view.body().at("/openTasks/0/taskDefinitionKey").asText()).isEqualTo("Task_CheckFact");
        assertThat(view.body().at("/processVersion/versionTag").asText()).isEqualTo("1.5.0");
    }

    @Test
    void intakeErrorsNameEveryBadFieldAndStartNothing() {
        long before = caseCount();
        Map<String, Object> fact = candidateFact();
        offender(fact).put("iin", "123456789012");
        offender(fact).remove("districtCommission");
        fact.put("committedOn", LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(3).toString());
        fact.put("article", "999");
        fact.put("source", "RUMOUR");
        fact.remove("region");
        Answer refused = http.post("prosecutor", "/api/cases", fact);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("offender.iin", "offender.districtCommission",
                "committedOn", "article", "source", "region");
        assertThat(refused.body().get("errors").toString())
                .contains("valid check digit", "must not be in the future", "not in the offence catalogue");

        Map<String, Object> unknownElection = candidateFact();
        unknownElection.put("electionId", "no-such-election");
        assertThat(fields(http.post("prosecutor", "/api/cases", unknownElection))).containsExactly("electionId");

        Map<String, Object> entityWithoutBin = candidateFact();
        offender(entityWithoutBin).put("kind", "LEGAL_ENTITY");
        offender(entityWithoutBin).remove("iin");
        assertThat(fields(http.post("prosecutor", "/api/cases", entityWithoutBin))).containsExactly("offender.bin");

        Map<String, Object> empty = Map.of();
        assertThat(fields(http.post("prosecutor", "/api/cases", empty))).contains("electionId", "region",
                "committedOn", "place", "offender.kind", "offender.name", "article", "source", "description");
        assertThat(http.post("prosecutor", "/api/cases", "{not json").status()).isEqualTo(400);

        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void onlyProsecutorsRegisterFacts() {
        assertThat(http.post("cec", "/api/cases", candidateFact()).status()).isEqualTo(403);
        assertThat(http.post("auditor", "/api/cases", candidateFact()).status()).isEqualTo(403);
    }

    @Test
    void aCaseIsHiddenFromAnotherDistrictsCommission() {
        String caseNumber = http.post("prosecutor", "/api/cases", candidateFact()).body().get("caseNumber").asText();
        assertThat(http.get("commission1", "/api/cases/" + caseNumber).status()).isEqualTo(200);
        assertThat(http.get("commission2", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(http.get("auditor", "/api/cases/" + caseNumber).status()).isEqualTo(200);
        assertThat(http.get("prosecutor", "/api/cases/2000-999999").status()).isEqualTo(404);
    }

    @Test
    void theEngineRestApiRefusesABadCompletionWith400NamingTheField() {
        String processInstanceId = http.post("prosecutor", "/api/cases", candidateFact()).body()
                .get("processInstanceId").asText();
        String taskId = http.get("prosecutor", "/engine-rest/task?processInstanceId=" + processInstanceId)
                .body().get(0).get("id").asText();
        Answer refused = http.post("prosecutor", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("factConfirmed", Map.of("value", "yes", "type", "String"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("factConfirmed");
        assertThat(http.post("prosecutor", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("factConfirmed", Map.of("value", true, "type", "Boolean")))).status())
                .isEqualTo(204);
        assertThat(http.get("cec", "/engine-rest/task?processInstanceId=" + processInstanceId).body().get(0)
                .get("taskDefinitionKey").asText()).isEqualTo("Task_DecideConsent");
    }

    @Test
    void theStartFormPathAppliesTheSameRulesAndNumbersTheCase() {
        Map<String, Object> variables = new HashMap<>();
        Map<String, Object> fact = candidateFact();
        Map<String, Object> flat = new HashMap<>(fact);
        flat.remove("offender");
        flat.put("offenderKind", "CANDIDATE");
        flat.put("offenderName", "Form Candidate");
        flat.put("offenderIin", "123456789012");
        flat.put("districtCommission", "2");
        flat.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        long before = caseCount();
        Answer refused = http.post("prosecutor", "/engine-rest/process-definition/key/ViolationCase/submit-form",
                Map.of("variables", variables));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("offender.iin").contains("check digit");
        assertThat(caseCount()).isEqualTo(before);

        variables.put("offenderIin", Map.of("value", TestIins.next()));
        Answer started = http.post("prosecutor", "/engine-rest/process-definition/key/ViolationCase/submit-form",
                Map.of("variables", variables));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("businessKey").asText()).matches("\\d{4}-\\d{6}");
    }

    private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> values) {
        Answer tasks = http.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks.body()).as(user + " sees " + taskKey).hasSize(1);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Answer completed = http.post(user, "/engine-rest/task/" + tasks.body().get(0).get("id").asText() + "/complete",
                Map.of("variables", variables));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    }

    /** The public contract's walk: the same steps as ../shared/contract-smoke.py. */
    @Test
    void contractWalk() {
        Map<String, Object> fact = candidateFact();
        fact.put("article", "122");
        fact.put("part", "2");
        fact.put("committedOn", "2026-11-01");
        Answer created = http.post("prosecutor", "/api/cases", fact);
        String processInstanceId = created.body().get("processInstanceId").asText();
        String caseNumber = created.body().get("caseNumber").asText();
        completeAs("prosecutor", processInstanceId, "Task_CheckFact", Map.of("factConfirmed", true));
        completeAs("cec", processInstanceId, "Task_DecideConsent", Map.of("consentGranted", true));
        completeAs("prosecutor", processInstanceId, "Task_RecordCourtRuling", Map.of("rulingOutcome", "FINE",
                "fineMci", 20, "abbreviatedProcedure", false,
                "rulingDate", LocalDate.now(ZoneId.of("Asia/Almaty")).toString()));
        assertThat(http.post("prosecutor", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", caseNumber)).status()).isIn(200, 204);
        completeAs("prosecutor", processInstanceId, "Task_RecordAppealDecision", Map.of("appealUpheld", true));
        assertThat(http.get("commission2", "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&candidateGroup=dec-2").body()).isEmpty();
        completeAs("commission1", processInstanceId, "Task_CancelRegistration", Map.of("decisionNumber", "17/1"));

        JsonNode view = http.get("prosecutor", "/api/cases/" + caseNumber).body();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("outcome").asText()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.get("registration").asText()).isEqualTo("CANCELLED");
        assertThat(view.at("/sanction/kind").asText()).isEqualTo("FINE");
        assertThat(view.at("/sanction/fineMci").asInt()).isEqualTo(20);
        assertThat(view.at("/sanction/fineTenge").asLong()).isEqualTo(20 * 4_325);
    }

    @Test
    void theOpenApiDescriptionListsTheProjectApi() {
        assertThat(http.get(null, "/v3/api-docs").status()).isEqualTo(401);
        Answer docs = http.get("auditor", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/cases")).isTrue();
        assertThat(docs.body().get("paths").has("/api/elections/{id}")).isTrue();
    }
}
