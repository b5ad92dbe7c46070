package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.CaseSteps;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database whose grants are those of the releases before the integrity rules (prosecutors with
 * UPDATE_INSTANCE on cases, a task's candidates with UPDATE on the task, a stray grant): after a start
 * of this release they are narrowed, the engine itself refuses the old bypasses, and the case goes on.
 */
class GrantsUpgradeStandaloneTest {

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext start(String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("cases") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--camunda.bpm.job-execution.enabled=false", "--audit.demo-briefing=false", "--server.port=0",
                "--camunda.bpm.process-engine-name=grants-upgrade-test"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(ElectionViolationsApplication.class).profiles("demo")
                .run(arguments.toArray(String[]::new));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void startUpNarrowsTheGrantsOfAnExistingDatabase() {
        // the steps of CaseSteps happen on the dates of the 2023 campaign
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2023-03-02 10:00:00"));
        String caseNumber;
        String taskId;
        // the earlier releases: candidates got UPDATE on their tasks, prosecutors UPDATE_INSTANCE on cases
        ConfigurableApplicationContext app = start(
                "--camunda.bpm.generic-properties.properties.defaultUserPermissionNameForTask=UPDATE");
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Upgrade test",
                    "MAZHILIS", "2023-03-19", "Asia/Almaty"));
            caseNumber = app.getBean(CaseIntakeService.class).register(new CaseIntakeRequest(election.id(), "Astana",
                    "2023-02-25", "Kenesary street",
                    new CaseIntakeRequest.Offender("CANDIDATE", "Upgrade Candidate", TestIins.next(), null, "1"), null,
                    "102", null, "MEDIA", "Campaigning before registration")).caseNumber();
            for (String step : CaseSteps.TO_WAIT_STATE.get("Task_CancelRegistration")) {
                CaseSteps.step(engine, caseNumber, step);
            }
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_CancelRegistration");
            taskId = task.getId();
            AuthorizationService authorizations = engine.getAuthorizationService();
            Authorization prosecutors = authorizations.createAuthorizationQuery().groupIdIn("prosecutors")
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId("ViolationCase").singleResult();
            prosecutors.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
            authorizations.saveAuthorization(prosecutors);
            Authorization stray = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            stray.setGroupId("cec");
            stray.setResource(Resources.PROCESS_INSTANCE);
            stray.setResourceId("*");
            stray.addPermission(Permissions.UPDATE);
            authorizations.saveAuthorization(stray);
            assertThat(taskGrant(authorizations, taskId).isPermissionGranted(Permissions.UPDATE)).isTrue();
            // what those grants allowed: the engine itself let a prosecutor rewrite the case record
            engine.getIdentityService().setAuthentication("prosecutor", List.of("prosecutors"));
            try {
                engine.getRuntimeService().setVariable(task.getProcessInstanceId(), "courtName", "before the upgrade");
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        } finally {
            app.close();
        }

        app = start();
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            AuthorizationService authorizations = engine.getAuthorizationService();
            Authorization prosecutors = authorizations.createAuthorizationQuery().groupIdIn("prosecutors")
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId("ViolationCase").singleResult();
            assertThat(prosecutors.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
            assertThat(prosecutors.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
            assertThat(authorizations.createAuthorizationQuery().groupIdIn("cec")
                    .resourceType(Resources.PROCESS_INSTANCE).count()).isZero();
            Authorization task = taskGrant(authorizations, taskId);
            assertThat(task.isPermissionGranted(Permissions.UPDATE)).isFalse();
            assertThat(task.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
            assertThat(task.isPermissionGranted(Permissions.READ)).isTrue();

            String instanceId = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult()
                    .getProcessInstanceId();
            engine.getIdentityService().setAuthentication("prosecutor", List.of("prosecutors"));
            try {
                assertThatThrownBy(() -> engine.getRuntimeService().setVariable(instanceId, "registration", "CANCELLED"))
                        .isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(() -> engine.getRuntimeService().suspendProcessInstanceById(instanceId))
                        .isInstanceOf(AuthorizationException.class);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            engine.getIdentityService().setAuthentication("commission1", List.of("dec-1"));
            try {
                assertThatThrownBy(() -> engine.getTaskService().setVariable(taskId, "registration", "CANCELLED"))
                        .isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(() -> engine.getTaskService().addCandidateGroup(taskId, "dec-2"))
                        .isInstanceOf(AuthorizationException.class);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }

            HttpApi http = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            assertThat(http.put("prosecutor", "/engine-rest/process-instance/" + instanceId + "/variables/registration",
                    Map.of("value", "CANCELLED", "type", "String")).status()).isEqualTo(403);
            assertThat(http.post("prosecutor", "/engine-rest/process-instance/" + instanceId + "/modification",
                    Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "Task_CancelRegistration"))))
                    .status()).isEqualTo(403);
            assertThat(engine.getRuntimeService().getVariable(instanceId, "registration")).isEqualTo("REGISTERED");
            assertThat(http.post("commission1", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                    Map.of("decisionNumber", Map.of("value", "7/1")))).status()).isEqualTo(204);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instanceId)
                    .variableName("registration").singleResult().getValue()).isEqualTo("CANCELLED");
        } finally {
            app.close();
        }
    }

    private static Authorization taskGrant(AuthorizationService authorizations, String taskId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .groupIdIn("dec-1").singleResult();
    }
}
