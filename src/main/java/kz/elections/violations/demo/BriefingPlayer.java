package kz.elections.violations.demo;

import kz.elections.violations.model.RulingOutcome;
import static kz.elections.violations.model.CaseVariables.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.intake.IdentificationNumber;
import kz.elections.violations.freeze.RegistrationFreeze;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.joda.time.DateTimeUtils;
import org.springframework.stereotype.Component;

/**
 * Plays facts through the real ViolationCase process, step by step at the moments they happened (the
 * engine clock is moved for the playing thread only and put back afterwards), with the demo users doing
 * each task so that the history records who did what, and the timers fired when they fall due. The
 * offenders' IINs and BINs are synthetic (valid check digit, not real people). One play at a time.
 */
@Component
public class BriefingPlayer {

    private final CaseIntakeService intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final ElectionRepository elections;
    private final RegistrationFreeze freeze;
    private PlayingClock clock;

    public BriefingPlayer(CaseIntakeService intake, RuntimeService runtime, TaskService tasks,
                          ManagementService management, IdentityService identity, ElectionRepository elections,
                          RegistrationFreeze freeze) {
        this.freeze = freeze;
        this.intake = intake;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.elections = elections;
    }

    /**
     * @param electionIds the election key of the fixture to the id of an existing election
     * @return the case numbers, in the order of the facts
     */
    public List<String> play(List<Briefing2023.Fact> facts, Map<String, String> electionIds) {
        return play(facts, electionIds, () -> false);
    }

    /**
     * @param stop asked before each fact: true ends the play with a {@link CancellationException} (the
     *             caller's transaction then keeps none of it)
     */
    public synchronized List<String> play(List<Briefing2023.Fact> facts, Map<String, String> electionIds,
                                          BooleanSupplier stop) {
        Authentication caller = identity.getCurrentAuthentication();
        // a caller that set the engine clock (a test) gets its moment back; otherwise the real clock
        Date callerClock = ClockUtil.getCurrentTime();
        boolean callerClockSet = Math.abs(callerClock.getTime() - System.currentTimeMillis()) > 1_000;
        clock = new PlayingClock(callerClockSet ? callerClock.getTime() : null, callerClock.getTime());
        DateTimeUtils.setCurrentMillisProvider(clock);
        List<String> caseNumbers = new ArrayList<>();
        try {
            int serial = 0;
            for (Briefing2023.Fact fact : facts) {
                if (stop.getAsBoolean()) {
                    throw new CancellationException("the briefing was stopped after " + serial + " facts");
                }
                caseNumbers.add(play(fact, electionIds.get(fact.election()), ++serial));
            }
        } finally {
            clock = null;
            if (callerClockSet) {
                ClockUtil.setCurrentTime(callerClock);
            } else {
                ClockUtil.reset();
            }
            if (caller == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(caller);
            }
        }
        return caseNumbers;
    }

    private String play(Briefing2023.Fact fact, String electionId, int serial) {
        Election election = elections.find(electionId)
                .orElseThrow(() -> new IllegalArgumentException("no election " + electionId + " for " + fact));
        ZoneId zone = election.zone();
        ZonedDateTime registeredAt = LocalDate.parse(fact.committedOn()).plusDays(1).atTime(10, 0).atZone(zone);

        at(registeredAt);
        as("prosecutor", "prosecutors");
        boolean legalEntity = "LEGAL_ENTITY".equals(fact.kind()) || "MEDIA_OWNER".equals(fact.kind());
        String identifier = syntheticIdentifier(legalEntity ? "2301" : "8501", serial);
        var registered = intake.register(new CaseIntakeRequest(electionId, fact.region(), fact.committedOn(),
                "Place of the act (briefing 2023)",
                new CaseIntakeRequest.Offender(fact.kind(), "Offender " + serial + " (briefing 2023)",
                        legalEntity ? null : identifier, legalEntity ? identifier : null, fact.district()),
                null, fact.article(), fact.part(), fact.source(), fact.description()));
        String id = registered.processInstanceId();

        at(registeredAt.plusHours(1));
        complete(id, "Task_CheckFact", "prosecutor", "prosecutors", Map.of(FACT_CONFIRMED, true));
        if (isAt(id, "Task_DecideConsent")) {
            at(registeredAt.plusDays(1));
            complete(id, "Task_DecideConsent", "cec", "cec", Map.of(CONSENT_GRANTED, true));
        }
        at(LocalDate.parse(fact.rulingDate()).atTime(15, 0).atZone(zone));
        complete(id, "Task_RecordCourtRuling", "prosecutor", "prosecutors", Map.of(RULING_OUTCOME, RulingOutcome.FINE.name(),
                FINE_MCI, fineValue(fact), ABBREVIATED_PROCEDURE, fact.abbreviated(), RULING_DATE, fact.rulingDate()));
        if (fact.abbreviated()) {
            // the abbreviated procedure: the offender pays half the maximum within 7 working days
            at(LocalDate.parse(fact.rulingDate()).plusDays(2).atTime(11, 0).atZone(zone));
            identity.clearAuthentication();
            runtime.createMessageCorrelation("FinePaid").processInstanceId(id).correlate();
        } else {
            fireWhenDue(id, "Event_AppealPeriodExpired");
        }
        if (isAt(id, "Task_CancelRegistration")) {
            ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
            at(now.plusHours(10));
            String district = fact.district();
            complete(id, "Task_CancelRegistration", "commission" + district, "dec-" + district,
                    Map.of(DECISION_NUMBER, "2023/" + serial));
        }
        var freezeWait = runtime.createEventSubscriptionQuery().processInstanceId(id)
                .activityId("Event_FreezeEndsQuashingWait").singleResult();
        if (freezeWait != null) {
            // the election's freeze begins: the wait for a quashing ends (what its freeze timer does)
            identity.clearAuthentication();
            at(Date.from(election.registrationFreezeFrom()));
            freeze.withdraw(electionId, List.of(freezeWait.getExecutionId()));
        }
        return registered.caseNumber();
    }

    private static Object fineValue(Briefing2023.Fact fact) {
        return fact.fineMci().stripTrailingZeros().scale() <= 0 ? (Object) fact.fineMci().intValueExact()
                : (Object) fact.fineMci().doubleValue();
    }

    private void complete(String processInstanceId, String taskKey, String user, String group,
                          Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("case " + processInstanceId + " is not waiting at " + taskKey);
        }
        as(user, group);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void fireWhenDue(String processInstanceId, String activityId) {
        Job job = timer(processInstanceId, activityId);
        if (job == null) {
            throw new IllegalStateException("case " + processInstanceId + " has no timer " + activityId);
        }
        identity.clearAuthentication();
        at(job.getDuedate());
        management.executeJob(job.getId());
    }

    private Job timer(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }

    private boolean isAt(String processInstanceId, String activityId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                && runtime.getActiveActivityIds(processInstanceId).contains(activityId);
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }

    private void at(ZonedDateTime moment) {
        at(Date.from(moment.toInstant()));
    }

    private void at(Date moment) {
        clock.moment = moment.getTime();
    }

    /**
     * The engine's clock while a play runs ({@link ClockUtil} keeps its time in Joda-Time's
     * {@link DateTimeUtils}): the moment of the play for the playing thread, and for every other thread
     * the time it had before (the system's, or the moment a test set), so that the application can be
     * used while the briefing plays: a user's step is not dated 2023, the job executor and the login
     * throttle keep the real time.
     */
    private static final class PlayingClock implements DateTimeUtils.MillisProvider {

        private final Thread player = Thread.currentThread();
        private final Long others;
        private volatile long moment;

        PlayingClock(Long others, long moment) {
            this.others = others;
            this.moment = moment;
        }

        @Override
        public long getMillis() {
            if (Thread.currentThread() == player) {
                return moment;
            }
            return others != null ? others : System.currentTimeMillis();
        }
    }

    /** A 12-digit number with a valid check digit: prefix, a serial, then the check digit. */
    static String syntheticIdentifier(String prefix, int serial) {
        for (int extra = 0; ; extra++) {
            String first11 = prefix + String.format("%07d", serial * 10 + extra % 10 + extra / 10 * 1000);
            for (int check = 0; check <= 9; check++) {
                if (IdentificationNumber.isValid(first11 + check)) {
                    return first11 + check;
                }
            }
        }
    }
}
