package kz.elections.violations.cases;

import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.cases.CaseView;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.CaseSteps;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
        long authorizations;
        long filters;
        ConfigurableApplicationContext app = start();
        try {
            Election election = app.getBean(ElectionService.class).create(
                    new ElectionRequest("Restart test", "MAZHILIS", "2023-03-19", "Asia/Almaty"));
            CaseIntakeService intake = app.getBean(CaseIntakeService.class);
            for (Map.Entry<String, java.util.List<String>> waitState : CaseSteps.TO_WAIT_STATE.entrySet()) {
                String caseNumber = intake.register(new CaseIntakeRequest(election.id(), "Astana", "2023-02-25",
                        "Kenesary street", new CaseIntakeRequest.Offender("CANDIDATE", "Candidate " + waitState.getKey(),
                        TestIins.next(), null, "1"), null, "102", null, "MEDIA", "Campaigning before registration"))
                        .caseNumber();
                for (String step : waitState.getValue()) {
                    CaseSteps.step(app.getBean(ProcessEngine.class), caseNumber, step);
                }
                assertThat(activeActivities(app, caseNumber)).contains(waitState.getKey());
                caseAt.put(waitState.getKey(), caseNumber);
            }
            authorizations = app.getBean(ProcessEngine.class).getAuthorizationService().createAuthorizationQuery().count();
            filters = app.getBean(ProcessEngine.class).getFilterService().createFilterQuery().count();
            definitions = app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").count();
        } finally {
            app.close();
        }

        app = start();
        try {
            assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").count()).isEqualTo(definitions).isEqualTo(1);
            // start-up data is written idempotently: nothing twice
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
            assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters)
                    .isEqualTo(kz.elections.violations.tasklist.TasklistFilters.names().size());
            // the demo users: demo, prosecutor, cec, commission1, commission2, auditor, prosecutor-almaty, prosecutor-astana
            assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(8);
            CaseQueries queries = app.getBean(CaseQueries.class);
            for (Map.Entry<String, String> waiting : caseAt.entrySet()) {
                String caseNumber = waiting.getValue();
                assertThat(activeActivities(app, caseNumber)).as(caseNumber).contains(waiting.getKey());
                for (String step : REST_OF_CASE.get(waiting.getKey())) {
                    CaseSteps.step(app.getBean(ProcessEngine.class), caseNumber, step);
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
        return CaseSteps.activeActivities(app.getBean(ProcessEngine.class), caseNumber);
    }
}
