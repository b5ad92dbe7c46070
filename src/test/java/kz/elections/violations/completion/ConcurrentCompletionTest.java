package kz.elections.violations.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two people complete the same task: one wins, the other is told so with 409, and the history holds one completion. */
class ConcurrentCompletionTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;
    ProcessInstance instance;
    String taskId;

    @BeforeEach
    void aCaseWaitingForTheCheck() {
        http = new HttpApi(port);
        setClock("2023-03-01T10:00", "Asia/Almaty");
        instance = startCase(election("2023-03-19", "Asia/Almaty"), "CITIZEN", "114", "2023-02-27");
        taskId = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getId();
    }

    private Answer complete(String user) {
        return http.post(user, "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("factConfirmed", Map.of("value", true))));
    }

    @RepeatedTest(8)
    void twoProsecutorsAtOnceOneWinsTheOtherGetsAConflict() throws Exception {
        processEngine.getIdentityService().saveUser(prosecutorNamed("prosecutor2"));
        processEngine.getIdentityService().createMembership("prosecutor2", "prosecutors");
        try {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (String user : List.of("prosecutor", "prosecutor2")) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return complete(user);
                }, threads));
            }
            start.countDown();
            List<Answer> done = answers.stream().map(CompletableFuture::join).toList();
            threads.shutdown();

            assertThat(done).extracting(Answer::status).containsExactlyInAnyOrder(204, 409);
            Answer conflict = done.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
            assertThat(conflict.body().get("detail").asText()).contains("already completed", "Фактіні тексеру / Проверить факт",
                    "your completion was not saved");
            assertOneCompletionInTheHistory();
        } finally {
            processEngine.getIdentityService().deleteUser("prosecutor2");
        }
    }

    @Test
    void aCompletionOfAnAlreadyCompletedTaskSaysWhoCompletedIt() {
        assertThat(complete("prosecutor").status()).isEqualTo(204);
        Answer late = complete("prosecutor");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asText()).contains("was already completed by prosecutor at 2023-03-01T");
        assertThat(late.body().get("taskId").asText()).isEqualTo(taskId);
        assertOneCompletionInTheHistory();
        Answer unknown = http.post("prosecutor", "/engine-rest/task/no-such-task/complete", Map.of());
        assertThat(unknown.status()).as("a task that never existed").isEqualTo(404);
        assertThat(unknown.body().get("detail").asText()).isEqualTo("No task with id no-such-task");
    }

    private void assertOneCompletionInTheHistory() {
        var history = processEngine.getHistoryService();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckFact").count()).isEqualTo(1);
        assertThat(history.createUserOperationLogQuery().taskId(taskId).operationType("Complete").count())
                .isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .filteredOn(d -> "factConfirmed".equals(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()))
                .hasSize(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("Task_CheckFact").count()).isEqualTo(1);
    }

    private org.camunda.bpm.engine.identity.User prosecutorNamed(String id) {
        var user = processEngine.getIdentityService().newUser(id);
        user.setPassword(id);
        user.setFirstName("Second");
        user.setLastName("Prosecutor");
        return user;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
