package kz.elections.violations.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Cases that started on process version 1.1.0, when every case carried its own freeze timer, still
 * follow their election's calendar after the upgrade to the election's one freeze timer: a changed
 * voting day moves their timers, and the timer withdraws their cancellation. (An application of its
 * own: the old version is deployed as the newest one here.)
 */
class LegacyFreezeTimersStandaloneTest {

    @TempDir
    Path data;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCaseOfVersion110FollowsAMovedVotingDayWithItsOwnTimer() throws Exception {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2023-03-10T10:00+06:00").toInstant()));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("legacy") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0",
                        "--audit.demo-briefing=false")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            RuntimeService runtime = engine.getRuntimeService();
            ElectionService elections = app.getBean(ElectionService.class);
            Election election = elections.create(new ElectionRequest("Legacy test", "MAZHILIS", "2023-03-19",
                    "Asia/Almaty"));
            ProcessDefinition legacy = engine.getRepositoryService().getProcessDefinition(engine
                    .getRepositoryService().createDeployment().name("violation-case 1.1.0")
                    .addClasspathResource("legacy/violation-case-1.1.0.bpmn").deployWithResult()
                    .getDeployedProcessDefinitions().get(0).getId());
            assertThat(legacy.getVersionTag()).isEqualTo("1.1.0");

            // a case of 1.1.0 whose ruling took effect: it reaches the cancellation with its own timer
            ProcessInstance instance = runtime.createProcessInstanceById(legacy.getId())
                    .startBeforeActivity("Task_CheckFreezeBeforeCancellation")
                    .setVariables(Map.of("electionId", election.id(), "offenderKind", "CANDIDATE",
                            "districtCommission", "1", "registration", "REGISTERED", "caseStatus", "OPEN"))
                    .businessKey("2023-legacy-1").execute();
            assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_CancelRegistration");
            assertThat(freezeTimer(engine, instance).getDuedate().toInstant())
                    .isEqualTo(OffsetDateTime.parse("2023-03-17T00:00+06:00").toInstant());

            // the voting day is brought forward to 12 March: the freeze began on 10 March 00:00
            elections.update(election.id(), new ElectionRequest("Legacy test", "MAZHILIS", "2023-03-12",
                    "Asia/Almaty"));
            Date moved = Date.from(OffsetDateTime.parse("2023-03-10T00:00+06:00").toInstant());
            assertThat(freezeTimer(engine, instance).getDuedate()).isEqualTo(moved);
            assertThat(runtime.getVariable(instance.getId(), "registrationFreezeFrom")).isEqualTo(moved);

            engine.getManagementService().executeJob(freezeTimer(engine, instance).getId());
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).activityId("EndEvent_CancellationWithdrawnByFreeze").count())
                    .isOne();
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName("registration").singleResult().getValue())
                    .isEqualTo("KEPT_DUE_TO_FREEZE");
        }
    }

    private static Job freezeTimer(ProcessEngine engine, ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("Timer_FreezeWithdrawsCancellation").singleResult();
    }
}
