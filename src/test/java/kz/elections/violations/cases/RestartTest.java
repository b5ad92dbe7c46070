package kz.elections.violations.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application stopped and started again on the same H2 file: a case waiting at each wait state of
 * ViolationCase is still there and finishes; nothing is deployed twice.
 */
class RestartTest {

    @TempDir
    Path dataDirectory;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("cases")
                                + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false",
                        // the demo's 2023 briefing is not this test's subject (Briefing2023Test covers it)
                        "--audit.demo-briefing=false",
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=restart-test");
    }

    /** Steps that bring a new case to one wait state, by the wait state's activity id. */
    private static final Map<String, String[]> WAIT_STATES = new LinkedHashMap<>();

    static {
        WAIT_STATES.put("Task_CheckFact", new String[] {});
        WAIT_STATES.put("Task_DecideConsent", new String[] {"check"});
        WAIT_STATES.put("Task_RecordCourtRuling", new String[] {"check", "consent"});
        WAIT_STATES.put("Gateway_AwaitLegalEffect", new String[] {"check", "consent", "ruling"});
        WAIT_STATES.put("Task_RecordAppealDecision", new String[] {"check", "consent", "ruling", "appeal"});
        WAIT_STATES.put("Task_CancelRegistration", new String[] {"check", "consent", "ruling", "effect"});
        WAIT_STATES.put("Gateway_AwaitQuashing", new String[] {"check", "consent", "ruling", "effect", "cancel"});
        WAIT_STATES.put("Task_RestoreRegistration",
                new String[] {"check", "consent", "ruling", "effect", "cancel", "quash"});
    }

    private static void step(ConfigurableApplicationContext app, String caseNumber, String step) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        RuntimeService runtime = engine.getRuntimeService();
        String instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        switch (step) {
            case "check" -> completeOnly(engine, instanceId, Map.of("factConfirmed", true));
            case "consent" -> completeOnly(engine, instanceId, Map.of("consentGranted", true));
            case "ruling" -> completeOnly(engine, instanceId, Map.of("rulingOutcome", "FINE", "fineMci", 20,
                    "abbreviatedProcedure", false, "rulingDate", "2023-03-01"));
            case "appeal" -> runtime.createMessageCorrelation("AppealFiled").processInstanceBusinessKey(caseNumber)
                    .correlate();
            case "upheld" -> completeOnly(engine, instanceId, Map.of("appealUpheld", true));
            case "effect" -> executeTimer(engine.getManagementService(), instanceId, "Event_AppealPeriodExpired");
            case "cancel", "restore" -> completeOnly(engine, instanceId, Map.of("decisionNumber", "7/" + step));
            case "quash" -> runtime.createMessageCorrelation("RulingQuashed").processInstanceBusinessKey(caseNumber)
                    .correlate();
            case "freeze" -> executeTimer(engine.getManagementService(), instanceId, "Timer_FreezeEndsQuashingWait");
            default -> throw new IllegalArgumentException(step);
        }
    }

    private static void completeOnly(ProcessEngine engine, String instanceId, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId(), variables);
    }

    private static void executeTimer(ManagementService management, String instanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).singleResult();
        management.executeJob(job.getId());
    }

    /** From each wait state to the end of the case, and what the case then reports. */
    private static final Map<String, String[]> REST_OF_CASE = Map.of(
            "Task_CheckFact", new String[] {"check", "consent", "ruling", "effect", "cancel", "freeze"},
            "Task_DecideConsent", new String[] {"consent", "ruling", "effect", "cancel", "freeze"},
            "Task_RecordCourtRuling", new String[] {"ruling", "effect", "cancel", "freeze"},
            "Gateway_AwaitLegalEffect", new String[] {"effect", "cancel", "freeze"},
            "Task_RecordAppealDecision", new String[] {"upheld", "cancel", "freeze"},
            "Task_CancelRegistration", new String[] {"cancel", "freeze"},
            "Gateway_AwaitQuashing", new String[] {"quash", "restore"},
            "Task_RestoreRegistration", new String[] {"restore"});

    @Test
    void casesWaitingAtEveryWaitStateSurviveARestart() {
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2023-03-02 10:00:00"));
        Map<String, String> caseAt = new LinkedHashMap<>();
        long definitions;
        ConfigurableApplicationContext app = start();
        try {
            Election election = app.getBean(ElectionService.class).create(
                    new ElectionRequest("Restart test", "MAZHILIS", "2023-03-19", "Asia/Almaty"));
            CaseIntakeService intake = app.getBean(CaseIntakeService.class);
            for (Map.Entry<String, String[]> waitState : WAIT_STATES.entrySet()) {
                String caseNumber = intake.register(new CaseIntakeRequest(election.id(), "Astana", "2023-02-25",
                        "Kenesary street", new CaseIntakeRequest.Offender("CANDIDATE", "Candidate " + waitState.getKey(),
                        TestIins.next(), null, "1"), null, "102", null, "MEDIA", "Campaigning before registration"))
                        .caseNumber();
                for (String step : waitState.getValue()) {
                    step(app, caseNumber, step);
                }
                assertThat(activeActivities(app, caseNumber)).contains(waitState.getKey());
                caseAt.put(waitState.getKey(), caseNumber);
            }
            definitions = app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").count();
        } finally {
            app.close();
        }

        app = start();
        try {
            assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").count()).isEqualTo(definitions).isEqualTo(1);
            CaseQueries queries = app.getBean(CaseQueries.class);
            for (Map.Entry<String, String> waiting : caseAt.entrySet()) {
                String caseNumber = waiting.getValue();
                assertThat(activeActivities(app, caseNumber)).as(caseNumber).contains(waiting.getKey());
                for (String step : REST_OF_CASE.get(waiting.getKey())) {
                    step(app, caseNumber, step);
                }
                CaseView view = queries.get(caseNumber);
                assertThat(view.status()).as(waiting.getKey()).isEqualTo("CLOSED");
                boolean restored = waiting.getKey().equals("Gateway_AwaitQuashing")
                        || waiting.getKey().equals("Task_RestoreRegistration");
                assertThat(view.registration()).as(waiting.getKey()).isEqualTo(restored ? "RESTORED" : "CANCELLED");
                assertThat(view.outcome()).isEqualTo(restored ? "OVERTURNED_ON_APPEAL" : "SANCTION_IMPOSED");
                assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber).count()).isZero();
            }
        } finally {
            app.close();
        }
    }

    private static java.util.List<String> activeActivities(ConfigurableApplicationContext app, String caseNumber) {
        RuntimeService runtime = app.getBean(RuntimeService.class);
        return runtime.getActiveActivityIds(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult().getId());
    }
}
