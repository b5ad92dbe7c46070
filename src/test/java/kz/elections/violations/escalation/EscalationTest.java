package kz.elections.violations.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.cases.CaseView;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.timeline.CaseTimelineService;
import kz.elections.violations.timeline.TimelineEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A registration task still open 24 hours before the election's freeze escalates, once, and moves with the
 * election's calendar; any task past its due date escalates as overdue; a completed task never does.
 * The engine clock moves; the sweep runs as each node's schedule would run it.
 */
@RecordApplicationEvents
class EscalationTest extends CaseTestSupport {

    private static final String ALMATY = "Asia/Almaty";

    @Autowired
    EscalationSweep sweep;
    @Autowired
    TaskEscalations escalations;
    @Autowired
    EscalationCounts counts;
    @Autowired
    CaseTimelineService timelines;
    @Autowired
    CaseQueries cases;
    @Autowired
    ApplicationEvents events;

    private Election election;

    @BeforeEach
    void electionOnTheNineteenthOfMarch() {
        // voting day Sunday 19 March 2023: the freeze from Friday 17 March 00:00 in Almaty
        election = election("2023-03-19", ALMATY);
        setClock("2023-03-01T10:00", ALMATY);
    }

    private static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(ALMATY)).toInstant();
    }

    /** A candidate's case whose upheld appeal leaves the cancellation of the registration to the commission. */
    private ProcessInstance caseWaitingForTheCancellation() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        complete(task("Task_CheckFact", instance), withVariables("factConfirmed", true));
        complete(task("Task_DecideConsent", instance), withVariables("consentGranted", true));
        complete(task("Task_RecordCourtRuling", instance), withVariables("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", "2023-03-01"));
        runtimeService.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
        complete(task("Task_RecordAppealDecision", instance), withVariables("appealUpheld", true));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        return instance;
    }

    private List<TaskEscalations.Escalation> escalationsOf(ProcessInstance instance) {
        return escalations.ofProcessInstance(instance.getId());
    }

    private List<TaskEscalated> publishedFor(ProcessInstance instance) {
        return events.stream(TaskEscalated.class)
                .filter(event -> event.processInstanceId().equals(instance.getId())).toList();
    }

    private List<TimelineEntry> escalatedEntries(ProcessInstance instance) {
        return timelines.timeline(instance.getBusinessKey(), false).entries().stream()
                .filter(entry -> "ESCALATED".equals(entry.kind())).toList();
    }

    @Test
    void aCancellationStillOpenADayBeforeTheFreezeEscalatesOnce() {
        ProcessInstance instance = caseWaitingForTheCancellation();
        Task cancellation = task(instance);

        setClock("2023-03-15T23:59", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).isEmpty();
        assertThat(cases.get(instance.getBusinessKey()).atRisk()).isFalse();
        assertThat(runtimeService.getVariable(instance.getId(), "atRisk")).isNull();
        assertThat(publishedFor(instance)).isEmpty();

        setClock("2023-03-16T00:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).singleElement().satisfies(escalation -> {
            assertThat(escalation.taskId()).isEqualTo(cancellation.getId());
            assertThat(escalation.kind()).isEqualTo(EscalationKind.BEFORE_FREEZE);
            assertThat(escalation.escalatedAt()).isEqualTo(almaty("2023-03-16T00:00"));
            assertThat(escalation.caseNumber()).isEqualTo(instance.getBusinessKey());
        });
        assertThat(runtimeService.getVariable(instance.getId(), "atRisk")).isEqualTo(true);
        assertThat(runtimeService.getVariable(instance.getId(), "escalations"))
                .isEqualTo("Task_CancelRegistration:BEFORE_FREEZE");
        CaseView view = cases.get(instance.getBusinessKey());
        assertThat(view.atRisk()).isTrue();
        assertThat(view.escalations()).containsExactly("Task_CancelRegistration:BEFORE_FREEZE");
        assertThat(escalatedEntries(instance)).singleElement().satisfies(entry -> {
            assertThat(entry.activityId()).isEqualTo("Task_CancelRegistration");
            assertThat(entry.detail()).isEqualTo("BEFORE_FREEZE");
            assertThat(entry.at()).isEqualTo(almaty("2023-03-16T00:00"));
        });
        assertThat(publishedFor(instance)).singleElement().isEqualTo(new TaskEscalated(cancellation.getId(),
                "Task_CancelRegistration", instance.getId(), instance.getBusinessKey(), election.id(), "BEFORE_FREEZE",
                almaty("2023-03-16T00:00")));
        assertThat(counts.escalated(election.id(), EscalationKind.BEFORE_FREEZE)).isEqualTo(1);

        // the next sweeps find it escalated already
        setClock("2023-03-16T12:00", ALMATY);
        sweep.sweep();
        sweep.sweep();
        assertThat(escalationsOf(instance)).hasSize(1);
        assertThat(publishedFor(instance)).hasSize(1);
        assertThat(escalatedEntries(instance)).hasSize(1);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
    }

    @Test
    void aSecondNodeThatFoundTheSameTaskOpenDoesNotEscalateItAgain() {
        ProcessInstance instance = caseWaitingForTheCancellation();
        Task cancellation = task(instance);
        setClock("2023-03-16T00:00", ALMATY);
        // both nodes' queries found the task open; the first escalates it, the second's insert fails
        assertThat(sweep.escalate(cancellation, EscalationKind.BEFORE_FREEZE, almaty("2023-03-16T00:00"))).isTrue();
        assertThat(sweep.escalate(cancellation, EscalationKind.BEFORE_FREEZE, almaty("2023-03-16T00:00"))).isFalse();
        assertThat(escalationsOf(instance)).hasSize(1);
        assertThat(publishedFor(instance)).hasSize(1);
        assertThat(runtimeService.getVariable(instance.getId(), "escalations"))
                .isEqualTo("Task_CancelRegistration:BEFORE_FREEZE");
    }

    @Test
    void aCalendarChangeThatBringsTheFreezeForwardBringsTheEscalationForward() {
        elections.update(election.id(), new ElectionRequest(election.name(), "MAZHILIS", "2023-03-26", ALMATY));
        ProcessInstance instance = caseWaitingForTheCancellation();

        // the freeze on 24 March: a day before it is 23 March, not yet
        setClock("2023-03-17T12:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).isEmpty();

        // voting moves to 21 March: the freeze from 19 March 00:00, the escalation from 18 March 00:00
        elections.update(election.id(), new ElectionRequest(election.name(), "MAZHILIS", "2023-03-21", ALMATY));
        sweep.sweep();
        assertThat(escalationsOf(instance)).isEmpty();

        setClock("2023-03-18T00:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).singleElement().satisfies(escalation -> {
            assertThat(escalation.kind()).isEqualTo(EscalationKind.BEFORE_FREEZE);
            assertThat(escalation.escalatedAt()).isEqualTo(almaty("2023-03-18T00:00"));
            assertThat(escalation.dueAt()).isEqualTo(almaty("2023-03-19T00:00"));
        });
        assertThat(publishedFor(instance)).hasSize(1);
    }

    @Test
    void aCheckOfAFactPastItsDueDateEscalatesAsOverdue() {
        ProcessInstance instance = startCase(election, "CANDIDATE", "102", "2023-02-25");
        Task check = task(instance);
        assertThat(check.getDueDate().toInstant()).isEqualTo(almaty("2023-03-04T10:00"));

        setClock("2023-03-04T10:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).isEmpty();
        assertThat(counts.overdue(election.id())).isZero();

        setClock("2023-03-04T10:01", ALMATY);
        assertThat(counts.overdue(election.id())).isEqualTo(1);
        sweep.sweep();
        assertThat(escalationsOf(instance)).singleElement().satisfies(escalation -> {
            assertThat(escalation.taskId()).isEqualTo(check.getId());
            assertThat(escalation.taskDefinitionKey()).isEqualTo("Task_CheckFact");
            assertThat(escalation.kind()).isEqualTo(EscalationKind.OVERDUE);
            assertThat(escalation.dueAt()).isEqualTo(almaty("2023-03-04T10:00"));
        });
        assertThat(runtimeService.getVariable(instance.getId(), "atRisk")).isEqualTo(true);
        assertThat(runtimeService.getVariable(instance.getId(), "escalations")).isEqualTo("Task_CheckFact:OVERDUE");
        assertThat(escalatedEntries(instance)).singleElement()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo("OVERDUE"));
        assertThat(publishedFor(instance)).singleElement()
                .satisfies(event -> assertThat(event.kind()).isEqualTo("OVERDUE"));
        assertThat(counts.escalated(election.id(), EscalationKind.OVERDUE)).isEqualTo(1);
        assertThat(counts.perElection()).filteredOn(row -> row.electionId().equals(election.id())).singleElement()
                .satisfies(row -> {
                    assertThat(row.overdue()).isEqualTo(1);
                    assertThat(row.escalated()).isEqualTo(1);
                });

        setClock("2023-03-05T10:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(instance)).hasSize(1);
        assertThat(publishedFor(instance)).hasSize(1);
    }

    @Test
    void theTasksOfAnElectionWhoseVotingDayHasEndedNoLongerEscalate() {
        ProcessInstance waiting = caseWaitingForTheCancellation();
        ProcessInstance unchecked = startCase(election, "CANDIDATE", "102", "2023-02-25");
        long escalatedBefore = counts.escalatedOpenTasks();

        // the day after voting: both tasks are past their due dates, neither escalates
        setClock("2023-03-20T00:00", ALMATY);
        assertThat(counts.overdue(election.id())).isEqualTo(2);
        sweep.sweep();
        assertThat(escalationsOf(waiting)).isEmpty();
        assertThat(escalationsOf(unchecked)).isEmpty();
        assertThat(runtimeService.getVariable(unchecked.getId(), "atRisk")).isNull();

        // on voting day itself they still did (23:59 in Almaty)
        setClock("2023-03-19T23:59", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(waiting)).extracting(TaskEscalations.Escalation::kind)
                .containsExactlyInAnyOrder(EscalationKind.BEFORE_FREEZE, EscalationKind.OVERDUE);
        assertThat(escalationsOf(unchecked)).extracting(TaskEscalations.Escalation::kind)
                .containsExactly(EscalationKind.OVERDUE);
        assertThat(counts.escalatedOpenTasks() - escalatedBefore).isEqualTo(2);
    }

    @Test
    void aCompletedTaskNeverEscalates() {
        ProcessInstance closed = startCase(election, "CANDIDATE", "102", "2023-02-25");
        complete(task("Task_CheckFact", closed), withVariables("factConfirmed", false,
                "reason", "No campaigning on the day the fact names"));
        BpmnAwareTests.assertThat(closed).isEnded();
        ProcessInstance cancelled = caseWaitingForTheCancellation();
        complete(task("Task_CancelRegistration", cancelled), withVariables("decisionNumber", "7/1"));

        setClock("2023-03-18T12:00", ALMATY);
        sweep.sweep();
        assertThat(escalationsOf(closed)).isEmpty();
        assertThat(escalationsOf(cancelled)).isEmpty();
        assertThat(publishedFor(closed)).isEmpty();
        assertThat(publishedFor(cancelled)).isEmpty();
        assertThat(counts.escalated(election.id())).isZero();
    }

    @Test
    void theLeadBeforeTheFreezeIsConfiguredPerElectionLevel() {
        assertThat(new EscalationSettings().leadBeforeFreeze(ElectionLevel.MAZHILIS)).isEqualTo(Duration.ofHours(24));
        // application.yaml's keys as an operator writes them
        EscalationSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "escalation.before-freeze.default", "PT12H",
                "escalation.before-freeze.levels.PRESIDENTIAL", "PT48H")))
                .bind("escalation", Bindable.ofInstance(new EscalationSettings())).get();
        assertThat(settings.leadBeforeFreeze(ElectionLevel.PRESIDENTIAL)).isEqualTo(Duration.ofHours(48));
        assertThat(settings.leadBeforeFreeze(ElectionLevel.MAZHILIS)).isEqualTo(Duration.ofHours(12));
    }
}
