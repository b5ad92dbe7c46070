package kz.elections.violations.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.support.CaseTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Changing an election's voting day moves the freeze of every open case of that election at once. */
class ElectionReschedulingTest extends CaseTestSupport {

    @Autowired
    CaseQueries cases;

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

    private Date due(ProcessInstance instance, String timer) {
        return timer(instance, timer).getDuedate();
    }

    @Test
    void postponingTheVotingDayMovesEveryFreezeTimerOfTheElection() {
        ProcessInstance atCancellation = caseAtCancellation(election);
        ProcessInstance awaitingQuashing = caseAwaitingQuashing(election);
        ProcessInstance ofOtherElection = caseAtCancellation(otherElection);
        Date untouched = due(ofOtherElection, "Timer_FreezeWithdrawsCancellation");

        moveVotingDay(election, "2023-05-14");

        Date newFreeze = Date.from(OffsetDateTime.parse("2023-05-12T00:00+06:00").toInstant());
        assertThat(due(atCancellation, "Timer_FreezeWithdrawsCancellation")).isEqualTo(newFreeze);
        assertThat(due(awaitingQuashing, "Timer_FreezeEndsQuashingWait")).isEqualTo(newFreeze);
        assertThat(variable(atCancellation, "registrationFreezeFrom")).isEqualTo(newFreeze);
        assertThat(due(ofOtherElection, "Timer_FreezeWithdrawsCancellation")).isEqualTo(untouched);
    }

    @Test
    void movingTheVotingDaySoTheFreezeHasBegunFiresTheTimersAtOnce() {
        ProcessInstance first = caseAtCancellation(election);
        ProcessInstance second = caseAtCancellation(election);
        ProcessInstance ofOtherElection = caseAtCancellation(otherElection);
        setClock("2023-03-10T12:00", "Asia/Almaty");

        // voting brought forward to 11 March: the freeze began on 9 March 00:00, already past
        moveVotingDay(election, "2023-03-11");

        assertThat(managementService.createJobQuery().executable().list())
                .extracting(job -> job.getProcessInstanceId())
                .contains(first.getId(), second.getId())
                .doesNotContain(ofOtherElection.getId());
        for (ProcessInstance instance : new ProcessInstance[] {first, second}) {
            fire(instance, "Timer_FreezeWithdrawsCancellation");
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CancellationWithdrawnByFreeze");
            assertThat(cases.get(instance.getBusinessKey()).registration()).isEqualTo("KEPT_DUE_TO_FREEZE");
        }
        BpmnAwareTests.assertThat(ofOtherElection).isWaitingAt("Task_CancelRegistration");
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
