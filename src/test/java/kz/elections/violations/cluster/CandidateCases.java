package kz.elections.violations.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import kz.elections.violations.support.HttpApi;

/**
 * Candidates' cases waiting at {@code Task_CancelRegistration} in bulk, for the cluster tests and the
 * benchmarks. Each is started over the engine REST API directly before the task (process instance
 * modification at start), with the variables the case holds at that point, so thousands are ready in
 * seconds instead of walking each through check, consent, ruling and appeal period.
 */
public final class CandidateCases {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private CandidateCases() {
    }

    /** Creates an election voting in 30 days, in Asia/Almaty; returns its id. */
    public static String election(HttpApi api, String name) {
        HttpApi.Answer created = api.post("demo", "/api/elections", electionBody(name, LocalDate.now(ALMATY).plusDays(30)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    public static Map<String, Object> electionBody(String name, LocalDate votingDay) {
        return Map.of("name", name, "level", "MAZHILIS", "votingDay", votingDay.toString(), "timeZone", "Asia/Almaty");
    }

    /** Moves the election's voting day to tomorrow: its freeze (D-2 00:00) has begun. Returns the answer's time. */
    public static Instant startTheFreeze(HttpApi api, String electionId, String name) {
        HttpApi.Answer moved = api.put("demo", "/api/elections/" + electionId,
                electionBody(name, LocalDate.now(ALMATY).plusDays(1)));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        return Instant.now();
    }

    /** Starts {@code count} cases of the election at Task_CancelRegistration, spread over the nodes' APIs. */
    public static void startWaitingForCancellation(List<HttpApi> nodes, String electionId, String prefix, int count,
                                                   int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> started = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpApi api = nodes.get(i % nodes.size());
                String caseNumber = prefix + "-" + String.format("%06d", i);
                started.add(pool.submit(() -> start(api, electionId, caseNumber)));
            }
            for (Future<?> future : started) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void start(HttpApi api, String electionId, String caseNumber) {
        Map<String, Object> variables = Map.of(
                "electionId", Map.of("value", electionId),
                "caseNumber", Map.of("value", caseNumber),
                "offenderKind", Map.of("value", "CANDIDATE"),
                "offenderName", Map.of("value", "Candidate " + caseNumber),
                "districtCommission", Map.of("value", "1"),
                "code", Map.of("value", "CAO"),
                "article", Map.of("value", "102"),
                "caseStatus", Map.of("value", "OPEN"),
                "registration", Map.of("value", "REGISTERED"));
        // a case started at its cancellation is an administrator's intervention: it needs a reason
        HttpApi.Answer answer = api.send("demo", "POST", "/engine-rest/process-definition/key/ViolationCase/start",
                Map.of("businessKey", caseNumber, "variables", variables, "startInstructions",
                        List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_CancelRegistration"))),
                Map.of("X-Intervention-Reason", "cluster%20test%3A%20cases%20at%20their%20cancellation"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    }
}
