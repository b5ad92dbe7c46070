package kz.elections.violations.freeze;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.cases.CaseView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;

import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The freeze on registration changes from D-2 00:00 local time, at each of its three points (a timer
 * withdraws an open task; a case reaching the task inside the freeze skips it; a completion after the
 * moment but before the timer ran is refused), exactly at the moment and one second before, in two
 * zones that were an hour apart in 2023 (Almaty UTC+6, Aqtobe UTC+5). D = 19 March 2023.
 */
class RegistrationFreezeTest extends CaseTestSupport {

    @Autowired
    CaseQueries cases;

    private Instant freezeMoment;
    private Election election;

    private void electionIn(String zone, String expectedFreeze) {
        election = election("2023-03-19", zone);
        freezeMoment = OffsetDateTime.parse(expectedFreeze).toInstant();
        assertThat(election.registrationFreezeFrom()).isEqualTo(freezeMoment);
        setClock("2023-03-01T10:00", zone);
    }

    /** A candidate's case with its fine recorded; the appeal period is still running. */
    private ProcessInstance caseAwaitingLegalEffect() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        bringToLegalEffectWait(instance, "2023-03-01");
        return instance;
    }

    private ProcessInstance caseAtCancellation() {
        ProcessInstance instance = caseAwaitingLegalEffect();
        setClock(freezeMoment.minusSeconds(3600));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    private ProcessInstance caseAtRestoration() {
        ProcessInstance instance = caseAtCancellation();
        complete(task(instance), withVariables("decisionNumber", "17/1"));
        runtimeService.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RestoreRegistration");
        return instance;
    }

    private CaseView view(ProcessInstance instance) {
        return cases.get(instance.getBusinessKey());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void theFreezeTimerIsDueAtDMinus2MidnightLocalTime(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtCancellation();
        assertThat(freezeDue(election)).isEqualTo(freezeMoment);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .activityId("Event_FreezeWithdrawsCancellation").singleResult().getEventName())
                .isEqualTo("RegistrationFreezeBegan-" + election.id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void oneSecondBeforeTheFreezeTheCommissionStillCancels(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtCancellation();
        setClock(freezeMoment.minusSeconds(1));
        complete(task(instance), withVariables("decisionNumber", "17/1"));
        assertThat(view(instance).registration()).isEqualTo("CANCELLED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void atTheFreezeMomentACompletionIsRefusedAndTheTimerWithdrawsTheTask(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtCancellation();
        setClock(freezeMoment);
        String taskId = task(instance).getId();
        assertThatThrownBy(() -> complete(task(instance), withVariables("decisionNumber", "17/1")))
                .isInstanceOf(CaseRuleViolation.class)
                .hasMessageContaining("registration freeze")
                .hasMessageContaining(expectedFreeze.substring(0, 16));
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(view(instance).registration()).isEqualTo("REGISTERED");

        assertThat(managementService.createJobQuery().processInstanceId(freezeOf(election).getId()).executable()
                .count()).isEqualTo(1);
        fireFreeze(election);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CancellationWithdrawnByFreeze");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isZero();
        CaseView view = view(instance);
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.registration()).isEqualTo("KEPT_DUE_TO_FREEZE");
        assertThat(view.registrationReason()).contains("withdrawn").contains(zone);
        assertThat(view.registrationReasonCode()).isEqualTo("CANCELLATION_WITHDRAWN_BY_FREEZE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void aRulingTakingEffectExactlyAtTheFreezeSkipsTheCancellation(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAwaitingLegalEffect();
        setClock(freezeMoment);
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CancellationSkippedInFreeze")
                .hasNotPassed("Task_CancelRegistration");
        CaseView view = view(instance);
        assertThat(view.registration()).isEqualTo("KEPT_DUE_TO_FREEZE");
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
        assertThat(view.registrationReason()).contains("inside the freeze");
        assertThat(view.registrationReasonCode()).isEqualTo("RULING_EFFECTIVE_INSIDE_FREEZE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void aRulingTakingEffectOneSecondBeforeTheFreezeOpensTheCancellation(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAwaitingLegalEffect();
        setClock(freezeMoment.minusSeconds(1));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void theFreezeWithdrawsAnOpenRestorationAndTheRegistrationStaysCancelled(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtRestoration();
        setClock(freezeMoment);
        assertThatThrownBy(() -> complete(task(instance), withVariables("decisionNumber", "21/4")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("registration freeze");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RestoreRegistration");
        fireFreeze(election);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RestoreWithdrawnByFreeze");
        CaseView view = view(instance);
        assertThat(view.registration()).isEqualTo("CANCELLED");
        assertThat(view.outcome()).isEqualTo("OVERTURNED_ON_APPEAL");
        assertThat(view.registrationReason()).contains("stays cancelled");
        assertThat(view.registrationReasonCode()).isEqualTo("RESTORATION_WITHDRAWN_BY_FREEZE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void oneSecondBeforeTheFreezeTheCommissionStillRestores(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtRestoration();
        setClock(freezeMoment.minusSeconds(1));
        complete(task(instance), withVariables("decisionNumber", "21/4"));
        assertThat(view(instance).registration()).isEqualTo("RESTORED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Asia/Almaty, 2023-03-17T00:00+06:00", "Asia/Aqtobe, 2023-03-17T00:00+05:00"})
    void aQuashingThatArrivesInsideTheFreezeSkipsTheRestoration(String zone, String expectedFreeze) {
        electionIn(zone, expectedFreeze);
        ProcessInstance instance = caseAtCancellation();
        complete(task(instance), withVariables("decisionNumber", "17/1"));
        // the moment has come but the job that ends the wait has not run yet
        setClock(freezeMoment);
        runtimeService.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_RestoreSkippedInFreeze")
                .hasNotPassed("Task_RestoreRegistration");
        CaseView view = view(instance);
        assertThat(view.registration()).isEqualTo("CANCELLED");
        assertThat(view.registrationReason()).contains("quashed inside the freeze");
        assertThat(view.registrationReasonCode()).isEqualTo("QUASHED_INSIDE_FREEZE");
    }
}
