package kz.elections.violations.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.sanctions.MciRates;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Decisions are explicit, over the engine's REST API as staff's Tasklist and REST clients send them: a
 * choice against the case without a reason is refused and the task stays open; with one, the case goes
 * on, keeps the reason, shows it on the step and in the timeline.
 */
class ExplicitDecisionsTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;
    @Autowired
    MciRates mciRates;
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

    /** Completes the instance's open task over the engine REST API as the user; values sent untyped, as Tasklist does. */
    private Answer completeOverRest(String user, ProcessInstance instance, Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return http.post(user, "/engine-rest/task/" + task(instance).getId() + "/complete",
                Map.of("variables", variables));
    }

    private static void assertRefusedNamingTheReason(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.body().get("errors").findValuesAsText("field")).contains("variables.reason");
    }

    private JsonNode stepOf(ProcessInstance instance, String taskKey) {
        JsonNode steps = http.get("prosecutor", "/api/cases/" + instance.getBusinessKey()).body().get("steps");
        for (JsonNode step : steps) {
            if (taskKey.equals(step.get("taskDefinitionKey").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + taskKey + " in " + steps);
    }

    private JsonNode completionInTimeline(ProcessInstance instance, String taskKey) {
        JsonNode entries = http.get("auditor", "/api/cases/" + instance.getBusinessKey() + "/history").body()
                .get("entries");
        for (JsonNode entry : entries) {
            if ("TASK_COMPLETED".equals(entry.get("kind").asText()) && taskKey.equals(entry.get("activityId").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no completion of " + taskKey + " in " + entries);
    }

    @Test
    void aFactNotConfirmedNeedsAReasonWhichTheCaseKeepsAndShows() {
        ProcessInstance instance = candidateCase("102");

        assertRefusedNamingTheReason(completeOverRest("prosecutor", instance, "factConfirmed", false));
        assertRefusedNamingTheReason(completeOverRest("prosecutor", instance, "factConfirmed", false, "reason", "  "));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(runtimeService.getVariable(instance.getId(), "factConfirmed")).isNull();

        // a form's radio value may arrive as the text "false": the case routes on the Boolean
        Answer closed = completeOverRest("prosecutor", instance, "factConfirmed", "false",
                "reason", " No leaflets were found at the address ");
        assertThat(closed.status()).as(closed.text()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_NotConfirmed");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("factConfirmed").singleResult().getValue())
                .isEqualTo(Boolean.FALSE);
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("factReason").singleResult().getValue())
                .isEqualTo("No leaflets were found at the address");

        JsonNode step = stepOf(instance, "Task_CheckFact");
        assertThat(step.get("decision").asText()).isEqualTo("NOT_CONFIRMED");
        assertThat(step.get("reason").asText()).isEqualTo("No leaflets were found at the address");
        assertThat(step.get("completedBy").asText()).isEqualTo("prosecutor");
        assertThat(completionInTimeline(instance, "Task_CheckFact").get("reason").asText())
                .isEqualTo("No leaflets were found at the address");
    }

    @Test
    void aConfirmedFactGoesOnWithoutAReasonAndTheTextTrueIsABoolean() {
        ProcessInstance instance = candidateCase("102");
        Answer confirmed = completeOverRest("prosecutor", instance, "factConfirmed", "true");
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        assertThat(runtimeService.getVariable(instance.getId(), "factConfirmed")).isEqualTo(Boolean.TRUE);
        assertThat(runtimeService.getVariable(instance.getId(), "reason")).isNull();
        JsonNode step = stepOf(instance, "Task_CheckFact");
        assertThat(step.get("decision").asText()).isEqualTo("CONFIRMED");
        assertThat(step.get("reason").isNull()).isTrue();

        Answer notAChoice = completeOverRest("cec", instance, "consentGranted", "perhaps");
        assertThat(notAChoice.status()).isEqualTo(400);
        assertThat(notAChoice.body().get("errors").findValuesAsText("field")).contains("consentGranted");
    }

    @Test
    void aRefusedConsentNeedsAReason() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");

        assertRefusedNamingTheReason(completeOverRest("cec", instance, "consentGranted", false));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");

        assertThat(completeOverRest("cec", instance, "consentGranted", false,
                "reason", "The candidate's campaigning is not proven").status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ConsentRefused");
        JsonNode step = stepOf(instance, "Task_DecideConsent");
        assertThat(step.get("decision").asText()).isEqualTo("CONSENT_REFUSED");
        assertThat(step.get("reason").asText()).isEqualTo("The candidate's campaigning is not proven");
        assertThat(completionInTimeline(instance, "Task_DecideConsent").get("reason").asText())
                .isEqualTo("The candidate's campaigning is not proven");
    }

    @Test
    void theRulingTaskKnowsTheFineRangeAndTakesTheDateAsStaffTypeIt() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("consentGranted", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
        int year = LocalDate.now(ALMATY).minusDays(3).getYear();
        BigDecimal mci = mciRates.rateOf(year).orElseThrow();
        assertThat(runtimeService.getVariables(instance.getId())).containsEntry("fineMinMci", 10.0)
                .containsEntry("fineMaxMci", 50.0).containsEntry("abbreviatedFineMci", 25.0)
                .containsEntry("mciTenge", mci.longValueExact());

        String today = LocalDate.now(ALMATY).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        Answer impossibleDay = completeOverRest("prosecutor", instance, "rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", "31.02." + year);
        assertThat(impossibleDay.status()).isEqualTo(400);
        assertThat(impossibleDay.body().get("errors").findValuesAsText("field")).containsExactly("rulingDate");

        Answer fined = completeOverRest("prosecutor", instance, "rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", today);
        assertThat(fined.status()).as(fined.text()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instance.getId(), "rulingDate"))
                .isEqualTo(LocalDate.now(ALMATY).toString());
        assertThat(runtimeService.getVariable(instance.getId(), "fineTenge"))
                .isEqualTo(mci.multiply(BigDecimal.valueOf(20)).longValueExact());
        JsonNode step = stepOf(instance, "Task_RecordCourtRuling");
        assertThat(step.get("decision").asText()).isEqualTo("FINE");
        assertThat(step.get("reason").isNull()).isTrue();
    }

    @Test
    void aDismissalNeedsAReason() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("consentGranted", true));
        String today = LocalDate.now(ALMATY).toString();

        assertRefusedNamingTheReason(completeOverRest("prosecutor", instance, "rulingOutcome", "DISMISSED",
                "rulingDate", today));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");

        assertThat(completeOverRest("prosecutor", instance, "rulingOutcome", "DISMISSED", "rulingDate", today,
                "reason", "The limitation period had run out").status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Dismissed");
        JsonNode step = stepOf(instance, "Task_RecordCourtRuling");
        assertThat(step.get("decision").asText()).isEqualTo("DISMISSED");
        assertThat(step.get("reason").asText()).isEqualTo("The limitation period had run out");
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("rulingReason").singleResult().getValue())
                .isEqualTo("The limitation period had run out");
    }

    @Test
    void anOverturnedRulingNeedsAReason() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        runtimeService.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordAppealDecision");

        assertRefusedNamingTheReason(completeOverRest("prosecutor", instance, "appealUpheld", false));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordAppealDecision");

        assertThat(completeOverRest("prosecutor", instance, "appealUpheld", "false",
                "reason", "The appeal court found no campaigning").status()).isEqualTo(204);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_OverturnedOnAppeal");
        JsonNode step = stepOf(instance, "Task_RecordAppealDecision");
        assertThat(step.get("decision").asText()).isEqualTo("OVERTURNED");
        assertThat(step.get("reason").asText()).isEqualTo("The appeal court found no campaigning");
        assertThat(completionInTimeline(instance, "Task_RecordAppealDecision").get("reason").asText())
                .isEqualTo("The appeal court found no campaigning");
    }

    @Test
    void staffCannotWriteTheKeptReasonsOrTheDecisionThemselves() {
        ProcessInstance instance = candidateCase("102");
        Answer smuggled = completeOverRest("prosecutor", instance, "factConfirmed", false, "reason", "Not found",
                "factReason", "Something else", "decision", "CONFIRMED");
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.factReason", "variables.decision");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
    }
}
