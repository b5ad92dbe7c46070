package kz.elections.violations.deadlineview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The deadlines view counts an election's open tasks by due state in the election's time zone as the
 * engine's clock moves, by district commission and by task, lists the most urgent ones and tells the time
 * left until the freeze; for prosecutors, auditors and admins only.
 */
class DeadlinesViewTest extends CaseTestSupport {

    @LocalServerPort
    int port;

    private HttpApi http;
    private Election election;

    @BeforeEach
    void electionOnTheNineteenthOfMarch() {
        http = new HttpApi(port);
        // freeze: Friday 17 March 2023 00:00 in Almaty (UTC+6 then)
        election = election("2023-03-19", "Asia/Almaty");
    }

    private ProcessInstance candidateCase(String district) {
        CaseIntakeRequest request = new CaseIntakeRequest(election.id(), "Almaty", "2023-02-25", "Abai avenue 1",
                new CaseIntakeRequest.Offender("CANDIDATE", "Test Offender", TestIins.next(), null, district),
                null, "102", null, "MONITORING", "Campaign leaflets handed out");
        String id = intake.register(request).processInstanceId();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        return instance;
    }

    private JsonNode view(String user) {
        HttpApi.Answer answer = http.get(user, "/api/deadlines?electionId=" + election.id());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static String counts(JsonNode counts) {
        return counts.get("OVERDUE").asLong() + "/" + counts.get("DUE_TODAY").asLong() + "/"
                + counts.get("DUE_THIS_WEEK").asLong() + "/" + counts.get("LATER").asLong();
    }

    @Test
    void openTasksMoveFromLaterToOverdueAsTheEnginesClockPassesTheirDueDates() {
        // checking a fact is due three days after the case arrives
        setClock("2023-03-01T10:00", "Asia/Almaty");
        ProcessInstance a = candidateCase("1");              // due Saturday 4 March 10:00
        setClock("2023-03-02T08:00", "Asia/Almaty");
        ProcessInstance b = candidateCase("1");              // due Sunday 5 March 08:00
        setClock("2023-03-03T09:00", "Asia/Almaty");
        ProcessInstance c = candidateCase("2");              // due Monday 6 March 09:00, next week

        // Saturday 4 March 09:00: a is due today, b this week (which ends on Sunday), c later
        setClock("2023-03-04T09:00", "Asia/Almaty");
        JsonNode saturday = view("prosecutor").at("/elections/0");
        assertThat(saturday.get("electionId").asText()).isEqualTo(election.id());
        assertThat(counts(saturday.get("counts"))).isEqualTo("0/1/1/1");

        // Sunday 5 March 07:00: a is overdue, b due today, c still later
        setClock("2023-03-05T07:00", "Asia/Almaty");
        JsonNode view = view("auditor");
        JsonNode sunday = view.at("/elections/0");
        assertThat(counts(sunday.get("counts"))).isEqualTo("1/1/0/1");
        assertThat(sunday.get("districts")).hasSize(2);
        assertThat(sunday.at("/districts/0/districtCommission").asText()).isEqualTo("1");
        assertThat(counts(sunday.at("/districts/0/counts"))).isEqualTo("1/1/0/0");
        assertThat(sunday.at("/districts/1/districtCommission").asText()).isEqualTo("2");
        assertThat(counts(sunday.at("/districts/1/counts"))).isEqualTo("0/0/0/1");
        assertThat(sunday.at("/byTask/0/taskDefinitionKey").asText()).isEqualTo("Task_CheckFact");
        assertThat(counts(sunday.at("/byTask/0/counts"))).isEqualTo("1/1/0/1");
        assertThat(counts(view.get("totals"))).isEqualTo("1/1/0/1");

        // the time left until the freeze: 11 days and 17 hours
        assertThat(Instant.parse(sunday.get("registrationFreezeFrom").asText()))
                .isEqualTo(OffsetDateTime.parse("2023-03-17T00:00+06:00").toInstant());
        assertThat(sunday.get("millisUntilFreeze").asLong()).isEqualTo(Duration.ofDays(11).plusHours(17).toMillis());
        assertThat(sunday.get("freezeBegun").asBoolean()).isFalse();

        // the most urgent first; c is not due this week
        JsonNode tasks = view.get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.at("/0/caseNumber").asText()).isEqualTo(a.getBusinessKey());
        assertThat(tasks.at("/0/dueState").asText()).isEqualTo("OVERDUE");
        assertThat(tasks.at("/0/districtCommission").asText()).isEqualTo("1");
        assertThat(tasks.at("/1/caseNumber").asText()).isEqualTo(b.getBusinessKey());
        assertThat(tasks.at("/1/dueState").asText()).isEqualTo("DUE_TODAY");
        assertThat(tasks.findValuesAsText("caseNumber")).doesNotContain(c.getBusinessKey());

        // the freeze begins: nothing is left until it
        setClock("2023-03-17T00:00", "Asia/Almaty");
        JsonNode frozen = view("demo").at("/elections/0");
        assertThat(frozen.get("millisUntilFreeze").asLong()).isZero();
        assertThat(frozen.get("freezeBegun").asBoolean()).isTrue();
    }

    @Test
    void commissionsAndTheCecAreRefusedAndABadLimitIsNamed() {
        assertThat(http.get(null, "/api/deadlines").status()).isEqualTo(401);
        assertThat(http.get("commission1", "/api/deadlines").status()).isEqualTo(403);
        assertThat(http.get("cec", "/api/deadlines").status()).isEqualTo(403);
        HttpApi.Answer badLimit = http.get("prosecutor", "/api/deadlines?limit=1000");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.text()).contains("limit");
        assertThat(http.get("prosecutor", "/api/deadlines?electionId=no-such-election").status()).isEqualTo(404);
    }

    @Test
    void thePageIsServedWithItsScript() {
        HttpApi.Answer page = http.get(null, "/deadlines/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-i18n=\"deadlines.title\"", "/shared/i18n.js", "deadlines.js");
        assertThat(http.get(null, "/deadlines/deadlines.js").text()).contains("/api/deadlines");
        HttpApi.Answer english = http.get(null, "/i18n/en.json");
        assertThat(english.body().get("dueState.OVERDUE").asText()).isEqualTo("Overdue");
        assertThat(http.get(null, "/i18n/kk.json").body().get("dueState.OVERDUE").asText()).isEqualTo("Мерзімі өтті");
        assertThat(http.get(null, "/i18n/ru.json").body().get("dueState.OVERDUE").asText()).isEqualTo("Просрочено");
    }
}
