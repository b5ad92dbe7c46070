package kz.elections.violations.freeze;

import static kz.elections.violations.model.CaseVariables.*;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionCalendarChanged;
import kz.elections.violations.election.ElectionRegistered;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The freeze on registration changes: from the election's D-2 00:00 (local time) no candidate's
 * registration is cancelled or restored. The election table is the source of truth for the moment.
 *
 * <p>Each election has one instance of {@code ElectionRegistrationFreeze} whose timer is the freeze
 * moment; a change of the election's calendar moves that one timer. When it fires, every case of the
 * election waiting at a registration change receives the message {@code RegistrationFreezeBegan-<id>}
 * ({@link #withdraw}), so the storm of an election with thousands of open cancellations is a few
 * dozen batch jobs rather than a timer per case that each calendar change would have to move.
 *
 * <p>Cases of process versions up to 1.1.0 carried a timer of their own ({@link #LEGACY_FREEZE_TIMERS},
 * due at their copy {@code registrationFreezeFrom}); they still run to their end as before, and a
 * calendar change still moves their timers.
 */
@Component
public class RegistrationFreeze {

    public static final String FREEZE_PROCESS_KEY = "ElectionRegistrationFreeze";
    public static final String FREEZE_TIMER = "Timer_RegistrationFreezeBegins";

    /** The events of ViolationCase (1.2.0 on) that the election's freeze message triggers. */
    public static final List<String> FREEZE_EVENTS = List.of(
            "Event_FreezeWithdrawsCancellation", "Event_FreezeWithdrawsRestore", "Event_FreezeEndsQuashingWait");

    /** The per-case freeze timers of ViolationCase up to version 1.1.0. */
    public static final List<String> LEGACY_FREEZE_TIMERS = List.of(
            "Timer_FreezeWithdrawsCancellation", "Timer_FreezeWithdrawsRestore", "Timer_FreezeEndsQuashingWait");

    private final ElectionRepository elections;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final CurrentUser currentUser;
    private final HistoryService historyService;

    public RegistrationFreeze(ElectionRepository elections, RuntimeService runtimeService,
                              ManagementService managementService, CurrentUser currentUser,
                              HistoryService historyService) {
        this.historyService = historyService;
        this.elections = elections;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.currentUser = currentUser;
    }

    public Election election(String electionId) {
        return elections.find(electionId)
                .orElseThrow(() -> new IllegalStateException("the case's election " + electionId + " does not exist"));
    }

    /** True from the freeze moment on: exactly at D-2 00:00 the freeze is in force. */
    public boolean isInForce(String electionId) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return !now.isBefore(election(electionId).registrationFreezeFrom());
    }

    /** Plain words for the case record: when the freeze began and why it matters. */
    public String describe(String electionId) {
        Election election = election(electionId);
        ZonedDateTime moment = election.registrationFreezeFrom().atZone(election.zone());
        return "the registration freeze of " + election.name() + " began at " + moment.toOffsetDateTime()
                + " (D-2 00:00, " + election.timeZone() + "); in the final two days before voting no registration"
                + " is cancelled or restored (Constitutional Law \"On Elections\", art. 89 para 4-3)";
    }

    /** The name of the message a case of the election waits for (the process model's expression). */
    public static String messageName(String electionId) {
        return "RegistrationFreezeBegan-" + electionId;
    }

    /**
     * Where the election's cases wait at a point the freeze ends: the executions (one per case) that
     * hold a subscription to the election's freeze message.
     */
    public List<String> waitingExecutions(String electionId) {
        Set<String> ids = new LinkedHashSet<>();
        for (EventSubscription subscription : runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(messageName(electionId)).list()) {
            ids.add(subscription.getExecutionId());
        }
        return new ArrayList<>(ids);
    }

    /**
     * Ends the registration change each of the given executions waits at, in the caller's transaction:
     * the message goes to the execution directly (a look-up by execution id; a correlation by name
     * would search all of the election's subscriptions, which share the one name, for every case). An
     * execution that no longer waits (its case completed, or withdrawn by another node) is passed over.
     *
     * @return how many cases were withdrawn
     */
    public int withdraw(String electionId, Collection<String> executionIds) {
        String message = messageName(electionId);
        int withdrawn = 0;
        for (String executionId : executionIds) {
            try {
                runtimeService.messageEventReceived(message, executionId);
                withdrawn++;
            } catch (MismatchingMessageCorrelationException noLongerWaiting) {
                // found before anything changed: nothing to undo
            }
        }
        return withdrawn;
    }

    @EventListener
    public void onElectionRegistered(ElectionRegistered registered) {
        schedule(registered.election());
    }

    /**
     * Every open case of the election follows its new calendar: the election's freeze timer moves (a
     * moment that has passed is due at once and fires on the job executor's next acquisition), and
     * so do the per-case timers of cases that started on a process version up to 1.1.0.
     */
    @EventListener
    public void onCalendarChanged(ElectionCalendarChanged change) {
        Election election = change.after();
        schedule(election);
        rescheduleLegacyTimers(election);
    }

    /**
     * Makes sure the election has a freeze instance waiting for its current moment: the waiting one is
     * moved, or (none yet, or the last one's moment has passed) a new one starts. Runs as the
     * application, not as the user who changed the election.
     */
    public void schedule(Election election) {
        Date freezeFrom = Date.from(election.registrationFreezeFrom());
        currentUser.withoutEngineChecks(() -> {
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(FREEZE_PROCESS_KEY).processInstanceBusinessKey(election.id()).list()) {
                Job timer = managementService.createJobQuery().processInstanceId(instance.getId())
                        .activityId(FREEZE_TIMER).singleResult();
                if (timer != null) {
                    runtimeService.setVariable(instance.getId(), REGISTRATION_FREEZE_FROM, freezeFrom);
                    managementService.recalculateJobDuedate(timer.getId(), false);
                    return null;
                }
            }
            runtimeService.startProcessInstanceByKey(FREEZE_PROCESS_KEY, election.id(),
                    Map.of(ELECTION_ID, election.id(), REGISTRATION_FREEZE_FROM, freezeFrom));
            return null;
        });
    }

    /**
     * Elections registered before the freeze had a process of its own (or inserted by other means)
     * get their freeze instance at start. An election whose freeze already ran keeps its history.
     */
    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    public void scheduleUnscheduledElections() {
        for (Election election : elections.findAll()) {
            boolean scheduled = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(FREEZE_PROCESS_KEY).processInstanceBusinessKey(election.id()).count() > 0;
            if (!scheduled) {
                schedule(election);
            }
        }
    }

    private void rescheduleLegacyTimers(Election election) {
        Date freezeFrom = Date.from(election.registrationFreezeFrom());
        for (String timer : LEGACY_FREEZE_TIMERS) {
            for (Job job : managementService.createJobQuery().processDefinitionKey(PROCESS_KEY).timers()
                    .activityId(timer).list()) {
                String caseId = job.getProcessInstanceId();
                if (election.id().equals(runtimeService.getVariable(caseId, ELECTION_ID))) {
                    runtimeService.setVariable(caseId, REGISTRATION_FREEZE_FROM, freezeFrom);
                    managementService.recalculateJobDuedate(job.getId(), false);
                }
            }
        }
    }
}
