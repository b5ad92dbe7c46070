package kz.elections.violations.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A candidate's case through an appeal, a refused completion and the freeze withdrawing the
 * cancellation, and its timeline as auditors and prosecutors read it.
 */
class CaseHistoryTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private void completeAs(HttpApi http, String user, String processInstanceId, String taskKey,
                            Map<String, Object> values, int expectedStatus) {
        Answer tasks = http.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Answer completed = http.post(user, "/engine-rest/task/" + tasks.body().get(0).get("id").asText()
                + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as(completed.text()).isEqualTo(expectedStatus);
    }

    private static List<JsonNode> entries(JsonNode timeline, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        timeline.get("entries").forEach(entry -> {
            if (which.test(entry)) {
                found.add(entry);
            }
        });
        return found;
    }

    private static Predicate<JsonNode> kind(String kind, String activityId) {
        return e -> kind.equals(e.path("kind").asText()) && activityId.equals(e.path("activityId").asText());
    }

    @Test
    void theTimelineShowsEveryStepWhoDidItTimersMessagesAndTheFreeze() {
        HttpApi http = new HttpApi(port);
        String electionId = http.post("demo", "/api/elections", Map.of("name", "History test " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", "2023-03-19", "timeZone", "Asia/Almaty")).body().get("id").asText();
        setClock("2023-03-01T10:00", "Asia/Almaty");
        String iin = TestIins.next();
        Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", "2023-02-20", "place", "Square", "offender", Map.of("kind", "CANDIDATE",
                        "name", "A. Candidate", "iin", iin, "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Leaflets"));
        String id = created.body().get("processInstanceId").asText();
        String caseNumber = created.body().get("caseNumber").asText();

        completeAs(http, "prosecutor", id, "Task_CheckFact", Map.of("factConfirmed", true), 204);
        completeAs(http, "cec", id, "Task_DecideConsent", Map.of("consentGranted", true), 204);
        completeAs(http, "prosecutor", id, "Task_RecordCourtRuling", Map.of("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", "2023-03-01"), 204);
        setClock("2023-03-05T09:00", "Asia/Almaty");
        assertThat(http.post("prosecutor", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", caseNumber)).status()).isIn(200, 204);
        setClock("2023-03-10T12:00", "Asia/Almaty");
        completeAs(http, "prosecutor", id, "Task_RecordAppealDecision", Map.of("appealUpheld", true), 204);
        setClock("2023-03-16T12:00", "Asia/Almaty");
        // refused: no decision number; nothing of it may reach the history or the report
        completeAs(http, "commission1", id, "Task_CancelRegistration", Map.of("decisionNumber", " "), 400);
        assertThat(jdbc.queryForObject("select registration from case_report where process_instance_id = ?",
                String.class, id)).isEqualTo("REGISTERED");
        setClock("2023-03-17T00:00", "Asia/Almaty");
        fireFreeze(elections.get(electionId));

        Answer answer = http.get("auditor", "/api/cases/" + caseNumber + "/history");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode timeline = answer.body();
        assertThat(timeline.get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(timeline.get("status").asText()).isEqualTo("CLOSED");
        assertThat(timeline.get("registration").asText()).isEqualTo("KEPT_DUE_TO_FREEZE");
        assertThat(timeline.get("registrationReasonCode").asText()).isEqualTo("CANCELLATION_WITHDRAWN_BY_FREEZE");
        assertThat(timeline.at("/process/key").asText()).isEqualTo("ViolationCase");
        assertThat(timeline.at("/process/versionTag").asText()).isEqualTo("1.5.0");
        assertThat(timeline.at("/process/version").asInt()).isPositive();

        List<Instant> times = new ArrayList<>();
        timeline.get("entries").forEach(e -> times.add(Instant.parse(e.get("at").asText())));
        assertThat(times).isSorted();
        timeline.get("entries").forEach(e -> assertThat(e.has("at") && e.has("kind") && e.has("activityId")
                && e.has("user")).as(e.toString()).isTrue());

        assertThat(entries(timeline, kind("TASK_COMPLETED", "Task_CheckFact"))).singleElement()
                .satisfies(e -> assertThat(e.get("user").asText()).isEqualTo("prosecutor"));
        assertThat(entries(timeline, kind("TASK_COMPLETED", "Task_DecideConsent"))).singleElement()
                .satisfies(e -> assertThat(e.get("user").asText()).isEqualTo("cec"));
        assertThat(entries(timeline, kind("TASK_COMPLETED", "Task_RecordAppealDecision"))).singleElement()
                .satisfies(e -> assertThat(e.get("at").asText()).isEqualTo("2023-03-10T06:00:00Z"));
        assertThat(entries(timeline, kind("MESSAGE_RECEIVED", "Event_AppealFiled"))).singleElement()
                .satisfies(e -> assertThat(e.get("at").asText()).isEqualTo("2023-03-05T03:00:00Z"));
        assertThat(entries(timeline, kind("TIMER_SCHEDULED", "Event_AppealPeriodExpired"))).hasSize(1);
        assertThat(entries(timeline, kind("TIMER_WITHDRAWN", "Event_AppealPeriodExpired"))).hasSize(1);
        assertThat(entries(timeline, kind("TIMER_FIRED", "Event_FreezeWithdrawsCancellation"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("at").asText()).isEqualTo("2023-03-16T18:00:00Z");
                    assertThat(e.get("detail").asText()).contains("ElectionRegistrationFreeze");
                    assertThat(e.get("reason").asText()).contains("withdrawn").contains("Asia/Almaty");
                });
        assertThat(entries(timeline, kind("TASK_WITHDRAWN", "Task_CancelRegistration"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("user").isNull()).isTrue();
                    assertThat(e.get("reason").asText()).contains("withdrawn").contains("Asia/Almaty");
                });
        assertThat(entries(timeline, kind("TASK_COMPLETED", "Task_CancelRegistration"))).isEmpty();
        assertThat(entries(timeline, e -> "decisionNumber".equals(e.path("variable").asText()))).isEmpty();
        assertThat(entries(timeline, e -> "rulingOutcome".equals(e.path("variable").asText()))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("value").asText()).isEqualTo("FINE");
                    assertThat(e.get("user").asText()).isEqualTo("prosecutor");
                });
        assertThat(entries(timeline, e -> "registration".equals(e.path("variable").asText()))
                .stream().map(e -> e.get("value").asText()).toList())
                .containsExactly("REGISTERED", "KEPT_DUE_TO_FREEZE");
        assertThat(entries(timeline, kind("STEP_STARTED", "Task_CheckFact"))).singleElement().satisfies(e -> {
            assertThat(e.get("endedAt").asText()).isNotBlank();
            assertThat(e.get("durationMillis").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(e.get("processVersion").asInt()).isEqualTo(timeline.at("/process/version").asInt());
        });
        // the auditor sees the IIN's last four digits only, the prosecutor all of it
        assertThat(entries(timeline, e -> "offenderIin".equals(e.path("variable").asText()))).singleElement()
                .satisfies(e -> assertThat(e.get("value").asText()).isEqualTo("********" + iin.substring(8)));
        assertThat(answer.text()).doesNotContain(iin);
        assertThat(http.get("prosecutor", "/api/cases/" + caseNumber + "/history").text()).contains(iin);

        JsonNode row = http.get("auditor", "/api/cases?electionId=" + electionId).body().at("/items/0");
        assertThat(row.get("registration").asText()).isEqualTo("KEPT_DUE_TO_FREEZE");
        assertThat(row.get("status").asText()).isEqualTo("CLOSED");
        assertThat(row.get("consentGranted").asBoolean()).isTrue();

        assertThat(http.get("cec", "/api/cases/" + caseNumber + "/history").status()).isEqualTo(403);
        assertThat(http.get("auditor", "/api/cases/1999-000001/history").status()).isEqualTo(404);
    }
}
