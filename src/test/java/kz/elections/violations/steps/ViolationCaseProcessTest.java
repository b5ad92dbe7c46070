package kz.elections.violations.steps;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.cases.CaseView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through ViolationCase, each outcome of the contract. Election: Mazhilis 2023, D = 19 March. */
class ViolationCaseProcessTest extends CaseTestSupport {

    @Autowired
    CaseQueries cases;

    Election election;

    @BeforeEach
    void mazhilis2023() {
        election = election("2023-03-19", "Asia/Almaty");
        setClock("2023-03-01T10:00", "Asia/Almaty");
    }

    private ProcessInstance candidateCase(String article) {
        ProcessInstance instance = startCase(election, "CANDIDATE", article, "2023-02-25");
        BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt("Task_CheckFact");
        assertThat(task(instance)).extracting(t -> t.getName()).isEqualTo("Фактіні тексеру / Проверить факт");
        return instance;
    }

    private CaseView view(ProcessInstance instance) {
        return cases.get(instance.getBusinessKey());
    }

    @Test
    void aCasesHistoryIsKeptElevenYearsFromItsStartWithTheRemovalTimeSetWhenItStarts() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        var started = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(started.getRemovalTime()).isNotNull();
        assertThat(java.time.Duration.between(started.getStartTime().toInstant(), started.getRemovalTime().toInstant()))
                .isEqualTo(java.time.Duration.ofDays(4015));
        // every history row of the case carries it from the start (nothing rewrites them when the case ends)
        assertThat(processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list())
                .isNotEmpty().allSatisfy(variable -> assertThat(variable.getRemovalTime()).isEqualTo(started.getRemovalTime()));
    }

    @Test
    void caseNumberIsTheReadableBusinessKey() {
        ProcessInstance instance = candidateCase("102");
        assertThat(instance.getBusinessKey()).matches("2023-\\d{6}");
        assertThat(variable(instance, "caseNumber")).isEqualTo(instance.getBusinessKey());
        CaseView view = view(instance);
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.outcome()).isNull();
        assertThat(view.registration()).isEqualTo("REGISTERED");
        assertThat(view.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskDefinitionKey()).isEqualTo("Task_CheckFact");
            assertThat(t.candidateGroups()).containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        });
    }

    @Test
    void factNotConfirmedClosesTheCase() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", false, "reason", "No leaflets were found"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_NotConfirmed");
        assertThat(view(instance)).extracting(CaseView::status, CaseView::outcome)
                .containsExactly("CLOSED", "NOT_CONFIRMED");
    }

    @Test
    void candidateNeedsConsentAndRefusalClosesTheCase() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("cec");
        complete(task(instance), withVariables("consentGranted", false, "reason", "The evidence is not enough"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ConsentRefused");
        assertThat(view(instance).outcome()).isEqualTo("CONSENT_REFUSED");
    }

    @Test
    void dismissedRulingClosesTheCase() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("consentGranted", true));
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("prosecutors");
        complete(task(instance), withVariables("rulingOutcome", "DISMISSED", "rulingDate", "2023-03-01",
                "reason", "No offence in the act"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Dismissed");
        CaseView view = view(instance);
        assertThat(view.outcome()).isEqualTo("DISMISSED");
        assertThat(view.sanction()).isNull();
        assertThat(view.registration()).isEqualTo("REGISTERED");
    }

    @Test
    void fineTakesEffectWhenTheAppealPeriodRunsOutAndTheCommissionCancelsTheRegistration() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, "2023-03-01");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitLegalEffect");
        // P10D from the end of the ruling day, Almaty time (UTC+6 in 2023)
        assertThat(timer(instance, "Event_AppealPeriodExpired").getDuedate().toInstant())
                .hasToString("2023-03-11T18:00:00Z");

        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).hasPassed("Task_RecordLegalEffect").isWaitingAt("Task_CancelRegistration");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("dec-1");
        assertThat(view(instance).status()).isEqualTo("OPEN");

        complete(task(instance), withVariables("decisionNumber", "17/1"));
        CaseView view = view(instance);
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.registration()).isEqualTo("CANCELLED");
        assertThat(view.sanction()).isEqualTo(new CaseView.Sanction("FINE", 20, 69_000L, false));
        assertThat(variable(instance, "cancellationDecisionNumber")).isEqualTo("17/1");

        // the case listens for a quashing of the ruling until the freeze, then ends
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitQuashing");
        fireFreeze(election);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationStaysCancelled");
        assertThat(view(instance).registration()).isEqualTo("CANCELLED");
    }

    @Test
    void appealUpheldGivesLegalEffectAtOnce() {
        ProcessInstance instance = candidateCase("122");
        bringToLegalEffectWait(instance, "2023-03-01");
        runtimeService.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordAppealDecision");
        assertThat(timer(instance, "Event_AppealPeriodExpired")).isNull();
        complete(task(instance), withVariables("appealUpheld", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        complete(task(instance), withVariables("decisionNumber", "18/3"));
        assertThat(view(instance)).extracting(CaseView::status, CaseView::outcome, CaseView::registration)
                .containsExactly("CLOSED", "SANCTION_IMPOSED", "CANCELLED");
    }

    @Test
    void appealNotUpheldOverturnsTheRuling() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, "2023-03-01");
        runtimeService.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        complete(task(instance), withVariables("appealUpheld", false, "reason", "The first court misread the dates"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_OverturnedOnAppeal");
        CaseView view = view(instance);
        assertThat(view.outcome()).isEqualTo("OVERTURNED_ON_APPEAL");
        assertThat(view.sanction()).isNull();
        assertThat(view.registration()).isEqualTo("REGISTERED");
    }

    @Test
    void aWarningWhereTheCatalogueAllowsOneTakesEffectLikeAFine() {
        ProcessInstance instance = startCase(election, "COMMISSION_MEMBER", "106", "2023-02-25");
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("rulingOutcome", "WARNING", "rulingDate", "2023-03-01"));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SanctionImposed");
        CaseView view = view(instance);
        assertThat(view.sanction()).isEqualTo(new CaseView.Sanction("WARNING", null, null, false));
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
    }

    @Test
    void aWarningIsRefusedWhereTheCatalogueProvidesNone() {
        ProcessInstance instance = candidateCase("102");
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("consentGranted", true));
        String rulingTask = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "WARNING", "rulingDate", "2023-03-01")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("provides no warning");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
    }

    @Test
    void article113NeedsConsentButNoDeregistration() {
        ProcessInstance instance = candidateCase("113");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        complete(task(instance), withVariables("consentGranted", true));
        complete(task(instance), withVariables("rulingOutcome", "FINE", "fineMci", 12.5, "abbreviatedProcedure", true,
                "rulingDate", "2023-03-01"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitPayment");
        runtimeService.createMessageCorrelation("FinePaid").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SanctionImposed")
                .hasNotPassed("Task_CancelRegistration");
        CaseView view = view(instance);
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.registration()).isEqualTo("REGISTERED");
        assertThat(view.sanction()).isEqualTo(new CaseView.Sanction("FINE", 12.5, 43_125L, true));
    }

    @Test
    void aCitizenNeedsNoConsentAndHasNoRegistration() {
        ProcessInstance instance = startCase(election, "CITIZEN", "102", "2023-02-25");
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling").hasNotPassed("Task_DecideConsent");
        complete(task(instance), withVariables("rulingOutcome", "FINE", "fineMci", 10, "abbreviatedProcedure", false,
                "rulingDate", "2023-03-01"));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SanctionImposed");
        CaseView view = view(instance);
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.registration()).isNull();
        assertThat(view.sanction().fineTenge()).isEqualTo(34_500L);
    }

    @Test
    void aQuashedRulingReopensTheCaseAndTheCommissionRestoresTheRegistration() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, "2023-03-01");
        fire(instance, "Event_AppealPeriodExpired");
        complete(task(instance), withVariables("decisionNumber", "17/1"));
        assertThat(view(instance).status()).isEqualTo("CLOSED");

        runtimeService.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RestoreRegistration");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("dec-1");
        assertThat(view(instance)).extracting(CaseView::status, CaseView::outcome, CaseView::registration)
                .containsExactly("OPEN", null, "CANCELLED");

        complete(task(instance), withVariables("decisionNumber", "21/4"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RegistrationRestored");
        assertThat(view(instance)).extracting(CaseView::status, CaseView::outcome, CaseView::registration)
                .containsExactly("CLOSED", "OVERTURNED_ON_APPEAL", "RESTORED");
        assertThat(variable(instance, "restorationDecisionNumber")).isEqualTo("21/4");
        // both decisions are kept: the restoration does not overwrite the cancellation
        assertThat(view(instance).registrationDecisions())
                .isEqualTo(new CaseView.RegistrationDecisions("17/1", "21/4"));
    }

    @Test
    void completionsWithWrongValuesAreRefusedNamingTheFieldAndChangeNothing() {
        ProcessInstance instance = candidateCase("102");
        String checkTask = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(checkTask, withVariables("factConfirmed", "yes")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("factConfirmed");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(checkTask))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("factConfirmed: is required");
        assertThat(variable(instance, "factConfirmed")).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");

        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("consentGranted", true));
        String rulingTask = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "FINE", "abbreviatedProcedure", false, "rulingDate", "2023-03-01")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("fineMci: is required for a fine");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "FINE", "fineMci", "20", "abbreviatedProcedure", false,
                        "rulingDate", "2023-03-01")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("fineMci: must be a positive number");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "PRISON", "rulingDate", "2023-03-01")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("rulingOutcome");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "WARNING", "rulingDate", "2023-03-02")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("rulingDate: must not be in the future");
        assertThat(variable(instance, "rulingOutcome")).isNull();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
    }

    @Test
    void aFineForAYearWithoutAnMciRateIsRefused() {
        ProcessInstance instance = startCase(election, "CITIZEN", "102", "2022-12-30");
        complete(task(instance), withVariables("factConfirmed", true));
        String rulingTask = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(rulingTask,
                withVariables("rulingOutcome", "FINE", "fineMci", 20, "abbreviatedProcedure", false,
                        "rulingDate", "2023-03-01")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("no MCI rate is recorded for 2022");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
    }

    @Test
    void theRegistrationDecisionNeedsItsNumber() {
        ProcessInstance instance = candidateCase("102");
        bringToLegalEffectWait(instance, "2023-03-01");
        fire(instance, "Event_AppealPeriodExpired");
        String cancelTask = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(cancelTask, withVariables("decisionNumber", " ")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("decisionNumber");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        assertThat(view(instance).registration()).isEqualTo("REGISTERED");
    }
}
