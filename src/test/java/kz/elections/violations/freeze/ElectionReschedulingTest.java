package kz.elections.violations.freeze;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.engine.SubtaskIndex;
import kz.elections.violations.freeze.RegistrationFreeze;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.time.Instant;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each election has one freeze timer (ElectionRegistrationFreeze); changing the voting day moves it, and
 * every open case of that election follows at once, because its cases wait for the election's message.
 */
class ElectionReschedulingTest extends CaseTestSupport {

    @Autowired
    CaseQueries cases;

    @Autowired
    JdbcTemplate jdbc;

    Election election;
    Election otherElection;

    @BeforeEach
    void twoElections() {
        setClock("2023-03-01T10:00", "Asia/Almaty");
        election = election("2023-04-30", "Asia/Almaty");
        otherElection = election("2023-04-30", "Asia/Almaty");
    }

    private ProcessInstance caseAtCancellation(Election of) {
        ProcessInstance instance = startCase(of, "CANDIDATE", "102", "2023-02-25");
        bringToLegalEffectWait(instance, "2023-03-01");
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    private ProcessInstance caseAwaitingQuashing(Election of) {
        ProcessInstance instance = caseAtCancellation(of);
        complete(task(instance), withVariables("decisionNumber", "1/1"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitQuashing");
        return instance;
    }

    private void moveVotingDay(Election of, String votingDay) {
        elections.update(of.id(), new ElectionRequest(of.name(), of.level().name(), votingDay, of.timeZone()));
    }

    private long freezeInstances(Election of) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RegistrationFreeze.FREEZE_PROCESS_KEY)
                .processInstanceBusinessKey(of.id()).count();
    }

    private long waitingForTheFreeze(ProcessInstance instance, Election of) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName("RegistrationFreezeBegan-" + of.id()).count();
    }

    @Test
    void theTaskTableHasTheSubtaskIndexAWithdrawalLooksUp() {
        // Camunda's schema lacks it; without it every withdrawn task read the whole task table (SubtaskIndex)
        assertThat(jdbc.queryForObject("select count(*) from information_schema.indexes where table_name = 'ACT_RU_TASK'"
                + " and index_name = ?", Long.class, SubtaskIndex.INDEX_NAME)).isOne();
    }

    @Test
    void everyElectionHasOneFreezeTimerAtItsDMinus2Midnight() {
        assertThat(freezeInstances(election)).isOne();
        assertThat(freezeDue(election)).isEqualTo(OffsetDateTime.parse("2023-04-28T00:00+06:00").toInstant());
        // started by the application only: Tasklist offers no one to start it by hand
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(RegistrationFreeze.FREEZE_PROCESS_KEY).latestVersion().singleResult()
                .isStartableInTasklist()).isFalse();
        ProcessInstance atCancellation = caseAtCancellation(election);
        ProcessInstance awaitingQuashing = caseAwaitingQuashing(election);
        // the cases carry no timer of their own: they wait for their election's freeze message
        assertThat(managementService.createJobQuery().processInstanceId(atCancellation.getId()).count()).isZero();
        assertThat(waitingForTheFreeze(atCancellation, election)).isOne();
        assertThat(waitingForTheFreeze(awaitingQuashing, election)).isOne();
    }

    @Test
    void postponingTheVotingDayMovesTheElectionsOneFreezeTimer() {
        ProcessInstance atCancellation = caseAtCancellation(election);
        ProcessInstance awaitingQuashing = caseAwaitingQuashing(election);
        Instant untouched = freezeDue(otherElection);

        moveVotingDay(election, "2023-05-14");

        assertThat(freezeInstances(election)).isOne();
        assertThat(freezeDue(election)).isEqualTo(OffsetDateTime.parse("2023-05-12T00:00+06:00").toInstant());
        assertThat(freezeDue(otherElection)).isEqualTo(untouched);
        BpmnAwareTests.assertThat(atCancellation).isWaitingAt("Task_CancelRegistration");
        assertThat(waitingForTheFreeze(awaitingQuashing, election)).isOne();
    }

    @Test
    void movingTheVotingDaySoTheFreezeHasBegunFiresTheTimerAtOnce() {
        ProcessInstance first = caseAtCancellation(election);
        ProcessInstance second = caseAwaitingQuashing(election);
        ProcessInstance ofOtherElection = caseAtCancellation(otherElection);
        setClock("2023-03-10T12:00", "Asia/Almaty");

        // voting brought forward to 11 March: the freeze began on 9 March 00:00, already past
        moveVotingDay(election, "2023-03-11");

        // of this test's cases and freezes (the database holds other tests' timers), only the freeze is due
        java.util.Set<String> ours = java.util.Set.of(first.getId(), second.getId(), ofOtherElection.getId(),
                freezeOf(election).getId(), freezeOf(otherElection).getId());
        assertThat(managementService.createJobQuery().executable().timers().list())
                .extracting(job -> job.getProcessInstanceId()).filteredOn(ours::contains)
                .containsExactly(freezeOf(election).getId());
        ProcessInstance freeze = fireFreeze(election);
        BpmnAwareTests.assertThat(first).isEnded().hasPassed("EndEvent_CancellationWithdrawnByFreeze");
        assertThat(cases.get(first.getBusinessKey()).registration()).isEqualTo("KEPT_DUE_TO_FREEZE");
        BpmnAwareTests.assertThat(second).isEnded().hasPassed("EndEvent_RegistrationStaysCancelled");
        assertThat(cases.get(second.getBusinessKey()).registration()).isEqualTo("CANCELLED");
        BpmnAwareTests.assertThat(ofOtherElection).isWaitingAt("Task_CancelRegistration");

        BpmnAwareTests.assertThat(freeze).isWaitingAt("Timer_SweepStragglers");
        fireStragglerSweep(freeze);
        BpmnAwareTests.assertThat(freeze).isEnded().hasPassed("EndEvent_FreezeApplied");
        BpmnAwareTests.assertThat(ofOtherElection).isWaitingAt("Task_CancelRegistration");
    }

    @Test
    void aCaseThatReachedItsCancellationAfterTheBatchesWereCountedIsSweptAMinuteLater() {
        ProcessInstance early = caseAtCancellation(election);
        setClock("2023-04-28T00:00", "Asia/Almaty");
        ProcessInstance freeze = freezeOf(election);
        fire(freeze, RegistrationFreeze.FREEZE_TIMER);
        // a case whose check ran a moment before the freeze and committed after the batches were counted
        ProcessInstance late = startCase(election, "CANDIDATE", "102", "2023-02-25");
        runtimeService.createProcessInstanceModification(late.getId()).cancelAllForActivity("Task_CheckFact")
                .startBeforeActivity("Task_CancelRegistration").execute();
        runFreezeBatches(freeze);
        BpmnAwareTests.assertThat(early).isEnded().hasPassed("EndEvent_CancellationWithdrawnByFreeze");
        BpmnAwareTests.assertThat(late).isWaitingAt("Task_CancelRegistration");

        fireStragglerSweep(freeze);
        BpmnAwareTests.assertThat(late).isEnded().hasPassed("EndEvent_CancellationWithdrawnByFreeze");
        assertThat(cases.get(late.getBusinessKey()).registrationReason()).contains("withdrawn");
    }

    @Test
    void postponingTheVotingDayAfterTheFreezeBeganSchedulesAFreshFreeze() {
        ProcessInstance withdrawn = caseAtCancellation(election);
        setClock("2023-04-28T00:00", "Asia/Almaty");
        ProcessInstance firstFreeze = fireFreeze(election);
        BpmnAwareTests.assertThat(withdrawn).isEnded();

        moveVotingDay(election, "2023-05-14");

        ProcessInstance secondFreeze = freezeOf(election);
        assertThat(secondFreeze.getId()).isNotEqualTo(firstFreeze.getId());
        assertThat(freezeDue(election)).isEqualTo(OffsetDateTime.parse("2023-05-12T00:00+06:00").toInstant());
        // the first freeze's sweep no longer withdraws anything: the freeze is not in force any more
        ProcessInstance reopened = caseAtCancellation(election);
        fireStragglerSweep(firstFreeze);
        BpmnAwareTests.assertThat(reopened).isWaitingAt("Task_CancelRegistration");
    }

    @Test
    void aCaseReachingTheCancellationAfterTheVotingDayMovedSeesTheNewFreeze() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        bringToLegalEffectWait(instance, "2023-03-01");
        setClock("2023-03-10T12:00", "Asia/Almaty");
        moveVotingDay(election, "2023-03-11");
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CancellationSkippedInFreeze");
    }
}
