package kz.elections.violations.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the application while a client completes tasks, on the H2 file database and on PostgreSQL:
 * after a restart on the same database every completion that was answered 204 is there, no task was
 * completed twice, and the cases that were not completed go on.
 */
class DurabilityIT {

    static final int CASES = 40;

    @TempDir
    Path data;

    @Test
    void onTheH2FileDatabase() throws Exception {
        Path file = data.resolve("durability");
        killWhileCompletingAndRestart(name -> AppNode.onH2File(name, file));
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            killWhileCompletingAndRestart(name -> AppNode.onPostgres(name, url));
        }
    }

    private void killWhileCompletingAndRestart(Function<String, AppNode> nodeNamed) throws Exception {
        List<String> cases = new ArrayList<>();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AppNode first = nodeNamed.apply("durability-1").start();
        try {
            HttpApi api = new HttpApi(first.port());
            String election = CandidateCases.election(api, "Durability");
            for (int i = 0; i < CASES; i++) {
                cases.add(register(api, election));
            }
            AtomicInteger attempted = new AtomicInteger();
            Thread client = new Thread(() -> {
                for (String instance : cases) {
                    try {
                        attempted.incrementAndGet();
                        if (complete(api, instance) == 204) {
                            answered.add(instance);
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
            client.start();
            while (answered.size() < 10 && client.isAlive()) {
                AppNode.pause(5);
            }
            first.kill();
            client.join();
            assertThat(answered.size()).as("killed in the middle of the completions").isBetween(10, CASES - 1);
        } finally {
            first.close();
        }

        try (AppNode second = nodeNamed.apply("durability-2").start()) {
            HttpApi api = new HttpApi(second.port());
            int lost = 0;
            for (String instance : cases) {
                long completions = completionsOfTheCheck(api, instance);
                assertThat(completions).as("no task completed twice: " + instance).isLessThanOrEqualTo(1);
                if (answered.contains(instance)) {
                    assertThat(completions).as("a completion answered 204 survives the kill: " + instance).isEqualTo(1);
                    assertThat(finished(api, instance)).isTrue();
                } else if (completions == 0) {
                    lost++;
                    assertThat(complete(api, instance)).as("a case not completed goes on after the restart").isEqualTo(204);
                }
            }
            for (String instance : cases) {
                assertThat(completionsOfTheCheck(api, instance)).isEqualTo(1);
                assertThat(finished(api, instance)).isTrue();
            }
            System.out.printf("durability: %d of %d completions answered before kill -9, %d completed after the restart%n",
                    answered.size(), CASES, lost);
        }
    }

    private static String register(HttpApi api, String election) {
        HttpApi.Answer registered = api.post("prosecutor", "/api/cases", Map.of("electionId", election,
                "region", "Almaty", "committedOn", LocalDate.now(CandidateCases.ALMATY).minusDays(1).toString(),
                "place", "Square", "offender", Map.of("kind", "CITIZEN", "name", "Citizen", "iin", TestIins.next()),
                "article", "114", "source", "MONITORING", "description", "Durability test"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.body().get("processInstanceId").asText();
    }

    private static int complete(HttpApi api, String instance) {
        HttpApi.Answer tasks = api.get("prosecutor", "/engine-rest/task?processInstanceId=" + instance);
        String taskId = tasks.body().get(0).get("id").asText();
        return api.post("prosecutor", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("factConfirmed", Map.of("value", false),
                        "reason", Map.of("value", "Not confirmed by the check")))).status();
    }

    private static long completionsOfTheCheck(HttpApi api, String instance) {
        HttpApi.Answer history = api.get("demo", "/engine-rest/history/task?processInstanceId=" + instance
                + "&taskDefinitionKey=Task_CheckFact");
        long completed = 0;
        for (var task : history.body()) {
            if ("completed".equals(task.path("deleteReason").asText())) {
                completed++;
            }
        }
        assertThat(history.body().size()).as("one check task per case").isEqualTo(1);
        return completed;
    }

    private static boolean finished(HttpApi api, String instance) {
        return api.get("demo", "/engine-rest/history/process-instance/" + instance).body().path("endTime").isTextual();
    }
}
