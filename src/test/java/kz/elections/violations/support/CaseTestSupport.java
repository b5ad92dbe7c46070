package kz.elections.violations.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.freeze.RegistrationFreeze;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that drive ViolationCase through the real engine: one Spring context (demo users,
 * in-memory H2, no job executor), the engine clock under the test's control, and steps that read like
 * the process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class CaseTestSupport {

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected ElectionService elections;
    @Autowired
    protected CaseIntakeService intake;
    @Autowired
    private ObjectProvider<DemoBriefing> demoBriefing;

    /** The demo profile's briefing plays in the background after start-up; tests move the engine clock. */
    @BeforeEach
    void waitForTheDemoBriefing() throws InterruptedException {
        DemoBriefing briefing = demoBriefing.getIfAvailable();
        if (briefing != null && !briefing.awaitPlayed(Duration.ofMinutes(3))) {
            throw new IllegalStateException("the demo briefing is still playing after 3 minutes");
        }
    }

    /**
     * The engine REST API and the webapps find their engine in the JVM's engine registry by name; a test
     * class with a context of its own (other properties) registers its engine under the same name, so each
     * test puts its own context's engine back first.
     */
    @BeforeEach
    void initEngineAssertions() {
        ProcessEngines.registerProcessEngine(processEngine);
        BpmnAwareTests.init(processEngine);
    }

    /**
     * A wrong password makes the engine note the account locked until "now" (no delay is configured); a test
     * that then sets the engine clock back before that moment would find the account locked. Each test ends
     * with the demo accounts unlocked and the clock reset.
     */
    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        IdentityService identity = processEngine.getIdentityService();
        for (String user : List.of("demo", "prosecutor", "cec", "commission1", "commission2", "auditor",
                "prosecutor-almaty", "prosecutor-astana")) {
            if (identity.createUserQuery().userId(user).count() == 1) {
                identity.unlockUser(user);
            }
        }
    }

    protected static void setClock(String localDateTime, String zone) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant()));
    }

    protected static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    protected Election election(String votingDay, String zone) {
        return elections.create(new ElectionRequest("Test election " + System.nanoTime(), "MAZHILIS", votingDay, zone));
    }

    protected ProcessInstance startCase(Election election, String offenderKind, String article, String committedOn) {
        boolean legalEntity = "LEGAL_ENTITY".equals(offenderKind);
        CaseIntakeRequest request = new CaseIntakeRequest(election.id(), "Almaty", committedOn, "Abai avenue 1",
                new CaseIntakeRequest.Offender(offenderKind, "Test Offender", legalEntity ? null : TestIins.next(),
                        legalEntity ? TestIins.next() : null, "1"),
                null, article, null, "MONITORING", "Campaign leaflets handed out");
        String processInstanceId = intake.register(request).processInstanceId();
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    }

    /** Check, consent (where the DMN asks for it) and a fine recorded on rulingDate. */
    protected void bringToLegalEffectWait(ProcessInstance instance, String rulingDate) {
        complete(task("Task_CheckFact", instance), withVariables("factConfirmed", true));
        if (isWaitingAt(instance, "Task_DecideConsent")) {
            complete(task("Task_DecideConsent", instance), withVariables("consentGranted", true));
        }
        complete(task("Task_RecordCourtRuling", instance), withVariables("rulingOutcome", "FINE", "fineMci", 20,
                "abbreviatedProcedure", false, "rulingDate", rulingDate));
    }

    protected boolean isWaitingAt(ProcessInstance instance, String activityId) {
        return runtimeService.getActiveActivityIds(instance.getId()).contains(activityId);
    }

    protected Job timer(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    protected void fire(ProcessInstance instance, String timerActivityId) {
        Job job = timer(instance, timerActivityId);
        if (job == null) {
            throw new AssertionError("no timer " + timerActivityId + " in " + instance.getId());
        }
        managementService.executeJob(job.getId());
    }

    /** The election's freeze instance (ElectionRegistrationFreeze) that waits for the freeze moment. */
    protected ProcessInstance freezeOf(Election election) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(RegistrationFreeze.FREEZE_PROCESS_KEY)
                .processInstanceBusinessKey(election.id()).active().list().stream()
                .filter(instance -> timer(instance, RegistrationFreeze.FREEZE_TIMER) != null)
                .findFirst().orElseThrow(() -> new AssertionError("no freeze timer for election " + election.id()));
    }

    /** The due date of the election's freeze timer. */
    protected Instant freezeDue(Election election) {
        return timer(freezeOf(election), RegistrationFreeze.FREEZE_TIMER).getDuedate().toInstant();
    }

    /**
     * The election's freeze timer fires (as the job executor would run it): the timer, then the
     * batches' jobs, until the freeze instance waits for its one-minute sweep.
     */
    protected ProcessInstance fireFreeze(Election election) {
        ProcessInstance freeze = freezeOf(election);
        Job timer = timer(freeze, RegistrationFreeze.FREEZE_TIMER);
        if (ClockUtil.getCurrentTime().before(timer.getDuedate())) {
            ClockUtil.setCurrentTime(timer.getDuedate());
        }
        managementService.executeJob(timer.getId());
        runFreezeBatches(freeze);
        return freeze;
    }

    /** The sweep a minute after the freeze began, with the clock moved there. */
    protected void fireStragglerSweep(ProcessInstance freeze) {
        Job sweep = timer(freeze, "Timer_SweepStragglers");
        if (sweep == null) {
            throw new AssertionError("the freeze instance " + freeze.getId() + " does not wait for its sweep");
        }
        setClock(sweep.getDuedate().toInstant());
        managementService.executeJob(sweep.getId());
    }

    /** Runs the freeze instance's batch jobs (and the multi-instance joins after them). */
    protected void runFreezeBatches(ProcessInstance instance) {
        for (int round = 0; round < 1_000; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("the asynchronous jobs of " + instance.getId() + " did not come to an end");
    }

    protected Object variable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).list().stream()
                .filter(v -> v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(instance.getId()))
                .map(v -> v.getValue()).findFirst().orElse(null);
    }
}
