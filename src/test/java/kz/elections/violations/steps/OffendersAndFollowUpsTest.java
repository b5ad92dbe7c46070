package kz.elections.violations.steps;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.api.CaseRuleViolation;
import kz.elections.violations.cases.CaseView;
import kz.elections.violations.intake.CaseIntakeRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.List;

import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every offender of the briefing: their follow-ups, the fine rules of the catalogue, duplicates. */
class OffendersAndFollowUpsTest extends CaseTestSupport {

    @Autowired
    CaseQueries cases;

    Election election;

    @BeforeEach
    void mazhilis2023() {
        election = election("2023-03-19", "Asia/Almaty");
        setClock("2023-03-20T10:00", "Asia/Almaty");
    }

    private ProcessInstance start(String kind, String code, String article, String part, Boolean harm, Boolean expelled) {
        return start(kind, TestIins.next(), code, article, part, harm, expelled, "2023-03-01");
    }

    private ProcessInstance start(String kind, String id, String code, String article, String part, Boolean harm,
                                  Boolean expelled, String committedOn) {
        boolean entity = kind.equals("LEGAL_ENTITY");
        String processInstanceId = intake.register(new CaseIntakeRequest(election.id(), "Almaty", committedOn, "Polling station 12",
                new CaseIntakeRequest.Offender(kind, "Offender", entity ? null : id, entity ? id : null, "1"),
                code, article, part, "MONITORING", "Described in the protocol", harm, expelled)).processInstanceId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    private CaseView view(ProcessInstance instance) {
        return cases.get(instance.getBusinessKey());
    }

    private void fine(ProcessInstance instance, Object fineMci, boolean abbreviated, String rulingDate) {
        complete(task("Task_RecordCourtRuling", instance), withVariables("rulingOutcome", "FINE", "fineMci", fineMci,
                "abbreviatedProcedure", abbreviated, "rulingDate", rulingDate));
    }

    @Test
    void aCommissionMemberObstructingVotingIsHandedToInvestigationWithoutConsent() {
        ProcessInstance instance = start("COMMISSION_MEMBER", "CC", "150", null, null, null);
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_HandToInvestigation").hasNotPassed("Task_DecideConsent");
        String handOff = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(handOff,
                withVariables("investigationNumber", "12-345")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("Unified Register of Pre-Trial Investigations");
        complete(task(instance), withVariables("investigationNumber", "231500031000123"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_HandedToInvestigation");
        CaseView view = view(instance);
        assertThat(view.outcome()).isEqualTo("HANDED_TO_INVESTIGATION");
        assertThat(view.followUp().investigationNumber()).isEqualTo("231500031000123");
        assertThat(view.sanction()).isNull();
    }

    @Test
    void aCandidateUnderTheCriminalCodeNeedsConsentFirst() {
        ProcessInstance instance = start("CANDIDATE", "CC", "151", null, null, null);
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
        complete(task(instance), withVariables("consentGranted", true));
        complete(task(instance), withVariables("investigationNumber", "231500031000124"));
        assertThat(view(instance).outcome()).isEqualTo("HANDED_TO_INVESTIGATION");
    }

    @Test
    void anObserverCausingSubstantialHarmUnderArticle79IsACrime() {
        ProcessInstance instance = start("OBSERVER", "CAO", "79", null, true, false);
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_HandToInvestigation");
    }

    @Test
    void theDistrictCommissionCancelsAnObserversRegistrationAfterTheRulingTakesEffect() {
        ProcessInstance instance = start("OBSERVER", "CAO", "79", null, false, false);
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
        fine(instance, 5, false, "2023-03-02");
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelObserverRegistration");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("dec-1");
        complete(task(instance), withVariables("decisionNumber", "31/2"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_ObserverRegistrationCancelled");
        CaseView view = view(instance);
        assertThat(view.followUp().kind()).isEqualTo("OBSERVER_REGISTRATION_CANCELLED");
        assertThat(view.followUp().observerRegistration()).isEqualTo("CANCELLED");
        assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
    }

    @Test
    void anExpelledObserversRegistrationIsCancelledAtOnceAndNotTwice() {
        ProcessInstance instance = start("OBSERVER", "CAO", "79", null, false, true);
        complete(task(instance), withVariables("factConfirmed", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelExpelledObserverRegistration");
        complete(task(instance), withVariables("decisionNumber", "30/1"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RecordCourtRuling");
        assertThat(view(instance).followUp().observerRegistration()).isEqualTo("CANCELLED");
        fine(instance, 5, false, "2023-03-02");
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_SanctionImposed")
                .hasNotPassed("Task_CancelObserverRegistration");
    }

    @Test
    void theCecRevokesAForeignObserversAccreditationOnTheCommissionsSubmission() {
        ProcessInstance instance = start("FOREIGN_OBSERVER", "CAO", "79", null, false, false);
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("rulingOutcome", "WARNING", "rulingDate", "2023-03-02"));
        fire(instance, "Event_AppealPeriodExpired");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_SubmitAccreditationRevocation");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("dec-1");
        complete(task(instance), withVariables("decisionNumber", "32/1"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_RevokeAccreditation");
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("cec");
        complete(task(instance), withVariables("decisionNumber", "CEC-7/15"));
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_AccreditationRevoked");
        assertThat(view(instance).followUp().accreditation()).isEqualTo("REVOKED");
    }

    @Test
    void aFineOutsideTheArticlesRangeIsRefused() {
        ProcessInstance anonymous = start("CITIZEN", "CAO", "113", null, null, null);
        complete(task(anonymous), withVariables("factConfirmed", true));
        String ruling = task(anonymous).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(ruling, withVariables("rulingOutcome", "FINE",
                "fineMci", 30, "abbreviatedProcedure", false, "rulingDate", "2023-03-02")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("must be between 25 and 25 MCI");

        ProcessInstance media = start("LEGAL_ENTITY", "CAO", "112", "1", null, null);
        complete(task(media), withVariables("factConfirmed", true));
        String mediaRuling = task(media).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(mediaRuling, withVariables("rulingOutcome",
                "FINE", "fineMci", 20, "abbreviatedProcedure", false, "rulingDate", "2023-03-02")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("between 50 and 50");
        fine(media, 50, false, "2023-03-02");
        BpmnAwareTests.assertThat(media).isWaitingAt("Gateway_AwaitLegalEffect");
    }

    @Test
    void theAbbreviatedFineIsHalfTheMaximumAndItsDeadlineSkipsNauryz() {
        // ruling on Friday 17 March 2023; 21-23 March are the Nauryz holidays: the 7th working day is 31 March
        ProcessInstance instance = start("CITIZEN", "CAO", "114", null, null, null);
        complete(task(instance), withVariables("factConfirmed", true));
        String ruling = task(instance).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(ruling, withVariables("rulingOutcome", "FINE",
                "fineMci", 20, "abbreviatedProcedure", true, "rulingDate", "2023-03-17")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("half the maximum: 15 MCI");
        complete(task(instance), withVariables("rulingOutcome", "FINE", "abbreviatedProcedure", true,
                "rulingDate", "2023-03-17"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Gateway_AwaitPayment");
        assertThat(runtimeService.getVariable(instance.getId(), "fineMci")).isEqualTo(15.0);
        assertThat(timer(instance, "Timer_PaymentDeadline").getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2023-04-01T00:00+06:00").toInstant());

        runtimeService.createMessageCorrelation("FinePaid").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RecordLegalEffect", "EndEvent_SanctionImposed");
        assertThat(view(instance).sanction()).isEqualTo(new CaseView.Sanction("FINE", 15.0, 51_750L, true));
    }

    @Test
    void anUnpaidAbbreviatedFineReturnsTheCaseToTheOrdinaryProcedure() {
        ProcessInstance instance = start("CITIZEN", "CAO", "114", null, null, null);
        complete(task(instance), withVariables("factConfirmed", true));
        complete(task(instance), withVariables("rulingOutcome", "FINE", "abbreviatedProcedure", true,
                "rulingDate", "2023-03-17"));
        fire(instance, "Timer_PaymentDeadline");
        BpmnAwareTests.assertThat(instance).hasPassed("Task_ReturnToOrdinaryProcedure")
                .isWaitingAt("Task_RecordCourtRuling");
        assertThat(runtimeService.getVariable(instance.getId(), "abbreviatedProcedure")).isEqualTo(false);
        fine(instance, 30, false, "2023-03-20");
        fire(instance, "Event_AppealPeriodExpired");
        assertThat(view(instance).sanction()).isEqualTo(new CaseView.Sanction("FINE", 30, 103_500L, false));
    }

    @Test
    void aFineIsPricedAtTheMciOfTheYearTheOffenceWasCommitted() {
        setClock("2024-01-20T10:00", "Asia/Almaty");
        ProcessInstance lastDayOf2023 = start("CITIZEN", TestIins.next(), "CAO", "114", null, null, null, "2023-12-31");
        ProcessInstance firstDayOf2024 = start("CITIZEN", TestIins.next(), "CAO", "114", null, null, null, "2024-01-01");
        for (ProcessInstance instance : List.of(lastDayOf2023, firstDayOf2024)) {
            complete(task(instance), withVariables("factConfirmed", true));
            fine(instance, 30, false, "2024-01-15");
        }
        assertThat(runtimeService.getVariable(lastDayOf2023.getId(), "fineTenge")).isEqualTo(103_500L);
        assertThat(runtimeService.getVariable(firstDayOf2024.getId(), "fineTenge")).isEqualTo(110_760L);
    }

    @Test
    void aSecondFactAboutTheSameOffenderArticleAndDayIsFlaggedAndTheProsecutorDecides() {
        String iin = TestIins.next();
        ProcessInstance first = start("CITIZEN", iin, "CAO", "102", null, null, null, "2023-03-01");
        ProcessInstance second = start("CITIZEN", iin, "CAO", "102", null, null, null, "2023-03-01");
        ProcessInstance otherDay = start("CITIZEN", iin, "CAO", "102", null, null, null, "2023-03-02");
        assertThat(view(first).followUp().possibleDuplicates()).isEmpty();
        assertThat(view(second).followUp().possibleDuplicates()).containsExactly(first.getBusinessKey());
        assertThat(view(otherDay).followUp().possibleDuplicates()).isEmpty();

        String check = task(second).getId();
        assertThatThrownBy(() -> processEngine.getTaskService().complete(check, withVariables("factConfirmed", true)))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("duplicateResolution");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(check, withVariables("factConfirmed", true,
                "duplicateResolution", "LINKED", "linkedCaseNumber", "1999-000001")))
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("linkedCaseNumber");
        assertThatThrownBy(() -> processEngine.getTaskService().complete(check, withVariables("factConfirmed", true,
                "duplicateResolution", "LINKED", "linkedCaseNumber", first.getBusinessKey())))
                .as("closing a case as a duplicate needs a reason")
                .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("variables.reason");
        complete(task(second), withVariables("factConfirmed", true, "duplicateResolution", "LINKED",
                "linkedCaseNumber", first.getBusinessKey(), "reason", "The same leaflets on the same street"));
        BpmnAwareTests.assertThat(second).isEnded().hasPassed("EndEvent_LinkedToExistingCase");
        assertThat(view(second).outcome()).isEqualTo("LINKED_TO_EXISTING_CASE");
        assertThat(view(second).followUp().linkedCaseNumber()).isEqualTo(first.getBusinessKey());
        assertThat(view(second).steps()).singleElement().satisfies(step -> {
            assertThat(step.decision()).isEqualTo("LINKED");
            assertThat(step.reason()).isEqualTo("The same leaflets on the same street");
        });
        BpmnAwareTests.assertThat(first).isWaitingAt("Task_CheckFact");

        ProcessInstance third = start("CITIZEN", iin, "CAO", "102", null, null, null, "2023-03-01");
        assertThat(view(third).followUp().possibleDuplicates()).as("the linked (ended) case is no longer open")
                .containsExactly(first.getBusinessKey());
        complete(task(third), withVariables("factConfirmed", true, "duplicateResolution", "SEPARATE"));
        BpmnAwareTests.assertThat(third).isWaitingAt("Task_RecordCourtRuling");

        ProcessInstance otherArticle = start("CITIZEN", iin, "CAO", "114", null, null, null, "2023-03-01");
        assertThat(view(otherArticle).followUp().possibleDuplicates()).isEmpty();
    }

    @Test
    void aLegalEntitysSecondFactIsFlaggedByItsBin() {
        String bin = TestIins.next();
        ProcessInstance first = start("LEGAL_ENTITY", bin, "CAO", "102", null, null, null, "2023-03-01");
        ProcessInstance second = start("LEGAL_ENTITY", bin, "CAO", "102", null, null, null, "2023-03-01");
        ProcessInstance citizenWithThatNumber = start("CITIZEN", bin, "CAO", "102", null, null, null, "2023-03-01");
        assertThat(view(second).followUp().possibleDuplicates()).containsExactly(first.getBusinessKey());
        assertThat(view(citizenWithThatNumber).followUp().possibleDuplicates()).as("an IIN is not a BIN").isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} under {1} {2} part {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "CITIZEN, CAO, 102, , 50, NONE",
            "LEGAL_ENTITY, CAO, 102, , 50, NONE",
            "CITIZEN, CAO, 120, 3, 15, NONE",
            "LEGAL_ENTITY, CAO, 120, 3, 30, NONE",
            "COMMISSION_CHAIR, CAO, 103, , 30, NONE",
            "COMMISSION_MEMBER, CAO, 106, , 30, NONE",
            "COMMISSION_MEMBER, CAO, 110, , 25, NONE",
            "COMMISSION_MEMBER, CAO, 119, , 25, NONE",
            "COMMISSION_MEMBER, CAO, 121, , 25, NONE",
            "COMMISSION_MEMBER, CAO, 122, 1, 30, NONE",
            "CITIZEN, CAO, 122, 2, 20, NONE",
            "MEDIA_OWNER, CAO, 112, 5, 50, NONE",
            "CITIZEN, CAO, 113, , 25, NONE",
            "CITIZEN, CAO, 114, , 30, NONE",
            "PROXY, CAO, 79, , 10, NONE",
            "CANDIDATE, CAO, 113, , 25, NONE",
            "CANDIDATE, CAO, 122, 1, 20, CANDIDATE_DEREGISTRATION"})
    void everyOffenderKindAndArticleGroupReachesItsSanction(String kind, String code, String article, String part,
                                                            int maximumFine, String followUp) {
        ProcessInstance instance = start(kind, TestIins.next(), code, article, part, null, null, "2023-03-01");
        complete(task(instance), withVariables("factConfirmed", true));
        if (kind.equals("CANDIDATE")) {
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_DecideConsent");
            complete(task(instance), withVariables("consentGranted", true));
        }
        fine(instance, maximumFine, false, "2023-03-02");
        fire(instance, "Event_AppealPeriodExpired");
        CaseView view = view(instance);
        assertThat(view.followUp().kind()).isEqualTo(followUp);
        assertThat(view.sanction()).isEqualTo(new CaseView.Sanction("FINE", maximumFine, maximumFine * 3_450L, false));
        if (followUp.equals("NONE")) {
            assertThat(view.outcome()).isEqualTo("SANCTION_IMPOSED");
            assertThat(view.status()).isEqualTo("CLOSED");
        } else {
            // the clock stands on 20 March 2023, after the freeze of 17 March: the registration is kept
            assertThat(view.registration()).isEqualTo("KEPT_DUE_TO_FREEZE");
        }
    }
}
