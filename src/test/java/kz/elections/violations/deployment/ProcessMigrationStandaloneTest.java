package kz.elections.violations.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.cases.CaseView;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.CaseSteps;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An administrator revises ViolationCase (adds a task, renames one), deploys it as from Camunda
 * Modeler and migrates the running cases, waiting at every wait state including the appeal and freeze
 * timers and the message waits; they finish on the new version and keep their history.
 */
class ProcessMigrationStandaloneTest {

    @TempDir
    Path data;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The revision: Task_RecordAppealDecision renamed, Task_NotifyCandidate added after the legal effect. */
    static String revise(BpmnModelInstance model) {
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setCamundaVersionTag("1.5.0");
        model.<UserTask>getModelElementById("Task_RecordAppealDecision").setId("Task_RecordAppealCourtDecision");

        FlowNode legalEffect = model.getModelElementById("Task_RecordLegalEffect");
        SequenceFlow toDeregistration = legalEffect.getOutgoing().iterator().next();
        UserTask notify = model.newInstance(UserTask.class);
        notify.setId("Task_NotifyCandidate");
        notify.setName("Notify the candidate of the ruling's legal effect");
        notify.setCamundaCandidateGroups("prosecutors");
        // its due date from the table TaskDeadlines (the table's row for any other task)
        notify.setCamundaDueDate("${taskDeadlines.dueDate(execution)}");
        // its completion rules, bound where the task is declared (a deployment without them is refused)
        org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener rules =
                model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class);
        rules.setCamundaEvent("complete");
        rules.setCamundaExpression("${taskCompletionRules.nothingToRecord(task)}");
        notify.builder().addExtensionElement(rules);
        process.addChildElement(notify);
        SequenceFlow toNotify = model.newInstance(SequenceFlow.class);
        toNotify.setId("Flow_RecordLegalEffect_To_NotifyCandidate");
        process.addChildElement(toNotify);
        toNotify.setSource(legalEffect);
        toNotify.setTarget(notify);
        legalEffect.getOutgoing().remove(toDeregistration);
        legalEffect.getOutgoing().add(toNotify);
        notify.getIncoming().add(toNotify);
        toDeregistration.setSource(notify);
        notify.getOutgoing().add(toDeregistration);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bpmn.writeModelToStream(out, model);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** From each wait state to the end on the new version ("task" completes the added task). */
    private static final Map<String, List<String>> REST_OF_CASE = Map.of(
            "Task_CheckFact", List.of("check", "consent", "ruling", "effect", "task", "cancel", "freeze"),
            "Task_DecideConsent", List.of("consent", "ruling", "effect", "task", "cancel", "freeze"),
            "Task_RecordCourtRuling", List.of("ruling", "effect", "task", "cancel", "freeze"),
            "Gateway_AwaitLegalEffect", List.of("effect", "task", "cancel", "freeze"),
            "Task_RecordAppealDecision", List.of("upheld", "task", "cancel", "freeze"),
            "Task_CancelRegistration", List.of("cancel", "freeze"),
            "Gateway_AwaitQuashing", List.of("quash", "restore"),
            "Task_RestoreRegistration", List.of("restore"));

    @Test
    void runningCasesAtEveryWaitStateMoveToTheRevisedProcessAndFinish() throws Exception {
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2023-03-02 10:00:00"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("migration") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0")) {
            // the demo briefing plays after start-up, in 2023 as this test does: let it finish first
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            HttpApi http = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Election election = app.getBean(ElectionService.class).create(
                    new ElectionRequest("Migration test", "MAZHILIS", "2023-03-19", "Asia/Almaty"));
            Map<String, String> caseAt = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> waitState : CaseSteps.TO_WAIT_STATE.entrySet()) {
                String caseNumber = app.getBean(CaseIntakeService.class).register(new CaseIntakeRequest(
                        election.id(), "Astana", "2023-02-25", "Kenesary street",
                        new CaseIntakeRequest.Offender("CANDIDATE", "Candidate", TestIins.next(), null, "1"),
                        null, "102", null, "MEDIA", "Campaigning before registration")).caseNumber();
                for (String step : waitState.getValue()) {
                    CaseSteps.step(engine, caseNumber, step);
                }
                caseAt.put(waitState.getKey(), caseNumber);
            }
            ProcessDefinition v1 = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").latestVersion().singleResult();
            Map<String, Date> timersBefore = new LinkedHashMap<>();
            for (Job job : engine.getManagementService().createJobQuery().timers().list()) {
                timersBefore.put(job.getProcessInstanceId() + job.getDuedate().getTime(), job.getDuedate());
            }

            String revised = revise(engine.getRepositoryService().getBpmnModelInstance(v1.getId()));
            assertThat(http.deploy("demo", "violation-case.bpmn", revised).status()).isEqualTo(200);
            ProcessDefinition v2 = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey("ViolationCase").latestVersion().singleResult();
            assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
            assertThat(v2.getVersionTag()).isEqualTo("1.5.0");

            Map<String, Object> request = Map.of("sourceProcessDefinitionId", v1.getId(),
                    "activityMappings", Map.of("Task_RecordAppealDecision", "Task_RecordAppealCourtDecision"));
            assertThat(http.post("prosecutor", "/api/admin/migrations", request).status()).isEqualTo(403);
            assertThat(http.post("demo", "/api/admin/migrations", Map.of("sourceProcessDefinitionId", v1.getId()))
                    .status()).as("a renamed task without a mapping").isEqualTo(400);
            HttpApi.Answer migrated = http.post("demo", "/api/admin/migrations", request);
            assertThat(migrated.status()).as(migrated.text()).isEqualTo(200);
            assertThat(migrated.body().get("migrated").asLong()).isEqualTo(caseAt.size());
            assertThat(migrated.body().get("targetProcessDefinitionId").asText()).isEqualTo(v2.getId());

            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).count())
                    .isEqualTo(caseAt.size());
            for (Job job : engine.getManagementService().createJobQuery().timers().list()) {
                assertThat(timersBefore).as("timer due dates are kept").containsKey(
                        job.getProcessInstanceId() + job.getDuedate().getTime());
            }
            assertThat(CaseSteps.activeActivities(engine, caseAt.get("Task_RecordAppealDecision")))
                    .containsExactly("Task_RecordAppealCourtDecision");

            CaseQueries queries = app.getBean(CaseQueries.class);
            for (Map.Entry<String, String> waiting : caseAt.entrySet()) {
                String caseNumber = waiting.getValue();
                for (String step : REST_OF_CASE.get(waiting.getKey())) {
                    CaseSteps.step(engine, caseNumber, step);
                }
                CaseView view = queries.get(caseNumber);
                boolean restored = waiting.getKey().equals("Gateway_AwaitQuashing")
                        || waiting.getKey().equals("Task_RestoreRegistration");
                assertThat(view.status()).as(waiting.getKey()).isEqualTo("CLOSED");
                assertThat(view.registration()).as(waiting.getKey()).isEqualTo(restored ? "RESTORED" : "CANCELLED");
                assertThat(view.processVersion().versionTag()).isEqualTo("1.5.0");
                // the history from before the migration stays with the case
                assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                        .processInstanceId(view.processInstanceId()).activityId("StartEvent_FactRegistered").count())
                        .isEqualTo(1);
            }
            JsonNode oldSteps = http.get("auditor", "/api/cases/" + caseAt.get("Task_RestoreRegistration")).body()
                    .get("steps");
            assertThat(oldSteps.findValuesAsText("taskDefinitionKey")).contains("Task_CheckFact",
                    "Task_CancelRegistration", "Task_RestoreRegistration");
        }
    }
}
