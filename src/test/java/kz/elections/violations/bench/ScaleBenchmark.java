package kz.elections.violations.bench;

import static kz.elections.violations.bench.BenchResults.format;
import static kz.elections.violations.bench.BenchResults.median;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.elections.violations.cluster.CandidateCases;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import kz.elections.violations.support.HttpApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Scale and reliability of the packaged application, each figure measured on {@code java -jar} in a JVM
 * of its own over real HTTP as the demo users (no mocks). Not part of {@code mvn verify}: run
 * {@code bench/run.sh}, which builds the jar first. Every part starts from a fresh database under
 * target/bench/scale.
 * <ul>
 * <li>cold start: {@code java -jar} on a fresh H2 file until {@code GET /actuator/health} is UP;</li>
 * <li>cost per case: a candidate's full case against a bare BPMN of the same wait states;</li>
 * <li>heap: 10,000 open cases in an application limited to {@code -Xmx512m};</li>
 * <li>freeze storm: 10,000 open cancellations withdrawn when a moved voting day starts the freeze;</li>
 * <li>deadlines and metrics: p95 of {@code GET /api/deadlines} and {@code GET /actuator/prometheus} with the
 * 10,000 open cases' tasks;</li>
 * <li>notifications: 1,000 messages written at once, until a local SMTP server holds them all.</li>
 * </ul>
 * System properties (defaults in brackets): bench.coldStarts [5], bench.warmUp [100], bench.cases [150 per
 * round and variant], bench.rounds [3], bench.workers [2], bench.openCases [10000], bench.stormVariants
 * [chosen] (comma-separated names of {@link #JOB_EXECUTOR_VARIANTS}), bench.stormNodes [1,2: the PostgreSQL
 * storm on one node, on two, or both], bench.jfr [false: true records a flight
 * recording of the cost-per-case application in target/bench/scale/cost-per-case.jfr, and of each storm
 * node in target/bench/scale/&lt;store&gt;-&lt;node&gt;.jfr], bench.stormWarmUp [1000: cases of another election the
 * storm's nodes withdraw, untimed, before the storm, so that the JIT has compiled the engine's paths; 0: none;
 * the heap part holds these open cases too], bench.pgStatements [false: true loads pg_stat_statements
 * into the embedded PostgreSQL and writes each PostgreSQL storm's statements and table scans to
 * target/bench/scale/&lt;store&gt;-statements.txt], bench.deadlineCalls [200: timed calls of the deadlines view
 * and of the metrics endpoint each], bench.notifications [1000: members of prosecutors added for the
 * notifications part].
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    static final int COLD_STARTS = Integer.getInteger("bench.coldStarts", 5);
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 100);
    static final int CASES = Integer.getInteger("bench.cases", 150);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    static final int WORKERS = Integer.getInteger("bench.workers", 2);
    static final int OPEN_CASES = Integer.getInteger("bench.openCases", 10_000);
    static final List<String> STORM_NODES = List.of(System.getProperty("bench.stormNodes", "1,2").split(","));
    static final int STORM_WARM_UP = Integer.getInteger("bench.stormWarmUp", 1000);
    static final boolean PG_STATEMENTS = Boolean.getBoolean("bench.pgStatements");
    static final List<String> STORM_VARIANTS = List.of(System.getProperty("bench.stormVariants", "chosen").split(","));

    /**
     * Job executor settings the freeze storm was measured with; "chosen" is what application.yaml holds
     * (no override), the others override it on the command line.
     */
    static final Map<String, List<String>> JOB_EXECUTOR_VARIANTS = new LinkedHashMap<>();

    static {
        JOB_EXECUTOR_VARIANTS.put("chosen", List.of());
        // what application.yaml held before the benchmark: Camunda's defaults, max-wait 5 s
        JOB_EXECUTOR_VARIANTS.put("before", executor(3, 10, 3, 3, 5000));
        JOB_EXECUTOR_VARIANTS.put("4-threads-40-per-acquisition", executor(4, 4, 40, 40, 1000));
        // the freeze's batch jobs wait on the database much of the time: more threads to overlap them
        JOB_EXECUTOR_VARIANTS.put("6-threads", executor(6, 6, 10, 10, 1000));
        JOB_EXECUTOR_VARIANTS.put("batches-of-100", List.of("--elections.freeze.batch-size=100"));
        JOB_EXECUTOR_VARIANTS.put("batches-of-20", List.of("--elections.freeze.batch-size=20"));
    }

    private static List<String> executor(int corePool, int maxPool, int queue, int perAcquisition, int maxWait) {
        String prefix = "--camunda.bpm.job-execution.";
        return List.of(prefix + "core-pool-size=" + corePool, prefix + "max-pool-size=" + maxPool,
                prefix + "queue-capacity=" + queue, prefix + "max-jobs-per-acquisition=" + perAcquisition,
                prefix + "wait-time-in-millis=" + maxWait, prefix + "max-wait=" + maxWait);
    }

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final BenchResults RESULTS = new BenchResults();

    @AfterAll
    static void publish() {
        if (!RESULTS.isEmpty()) {
            RESULTS.publish();
        }
    }

    // ---------------------------------------------------------------------------------------- cold start

    @Test
    @Order(1)
    void coldStart() {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run <= COLD_STARTS; run++) {
            Store fresh = Store.h2("cold-" + run);
            fresh.create();
            // as an operator starts it: the default configuration (demo profile and briefing), only another file
            try (AppProcess app = AppProcess.start("cold-start", List.of(), List.of(fresh.arguments("node-a").get(0)))) {
                if (run > 0) { // the first run only warms the disk cache
                    seconds.add(app.startup().toMillis() / 1000.0);
                }
            }
        }
        double median = median(seconds);
        RESULTS.add("cold start, java -jar on a fresh H2 file to health UP (median of " + COLD_STARTS + ")",
                format("%.1f s", median));
        RESULTS.note(format("cold starts (s): %s", seconds));
    }

    // ------------------------------------------------------------------------------------ cost per case

    @Test
    @Order(2)
    void costPerCaseAgainstABareProcess() throws Exception {
        Store store = Store.h2("cost");
        store.create();
        List<String> jvmOptions = Boolean.getBoolean("bench.jfr") ? flightRecording("cost-per-case.jfr") : List.of();
        try (AppProcess app = AppProcess.start("cost-per-case", jvmOptions, store.arguments("node-a"))) {
            HttpApi http = app.http();
            String electionId = createElection(http, LocalDate.now(ALMATY).plusDays(60));
            deployBareProcess(http);
            CaseWalks walks = new CaseWalks(http, electionId);

            walks.fullCase("warm-up"); // one case alone first: the election, forms and caches are warm
            run(WARM_UP, i -> walks.bareCase("warm-up"));
            run(WARM_UP, i -> walks.fullCase("warm-up"));
            // The two variants take turns case by case on the same clients, so that both meet the same
            // machine (shared, noisy): a block of one variant after a block of the other would compare
            // two different moments. A case's cost is its latency as the client sees it, with WORKERS
            // cases in flight at once; the application's rate is WORKERS cases per that latency.
            List<Double> bare = new ArrayList<>();
            List<Double> full = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                LongAdder bareNanos = new LongAdder();
                LongAdder fullNanos = new LongAdder();
                run(2 * CASES, i -> {
                    long started = System.nanoTime();
                    if (i % 2 == 0) {
                        walks.bareCase("bare");
                        bareNanos.add(System.nanoTime() - started);
                    } else {
                        walks.fullCase("full");
                        fullNanos.add(System.nanoTime() - started);
                    }
                });
                double bareMillis = bareNanos.sum() / 1e6 / CASES;
                double fullMillis = fullNanos.sum() / 1e6 / CASES;
                bare.add(bareMillis);
                full.add(fullMillis);
                ratios.add(fullMillis / bareMillis);
            }
            double ratio = median(ratios);
            String of = " (" + ROUNDS + " rounds of " + CASES + " each, taking turns, " + WORKERS + " clients)";
            RESULTS.add("bare BPMN, ms per case" + of,
                    format("%.1f ms (%.1f/s)", median(bare), WORKERS * 1000 / median(bare)));
            RESULTS.add("full candidate case, ms per case" + of,
                    format("%.1f ms (%.1f/s)", median(full), WORKERS * 1000 / median(full)));
            RESULTS.add("full case / bare case", format("%.2f x", ratio), "<= 1.25 x", ratio <= 1.25);
            RESULTS.note(format("cost rounds: bare %s ms, full %s ms, ratios %s", rounded(bare), rounded(full),
                    rounded(ratios)));
            long measured = (long) CASES * ROUNDS;
            RESULTS.note("client ms per case by step (with " + WORKERS + " clients at once), bare: "
                    + rounded(walks.millisPerCaseByStep("bare", measured)));
            RESULTS.note("client ms per case by step (with " + WORKERS + " clients at once), full: "
                    + rounded(walks.millisPerCaseByStep("full", measured)));
        }
    }

    private static void deployBareProcess(HttpApi http) throws IOException {
        String bpmn = Files.readString(Path.of("src/test/resources/bench/bare-case.bpmn"), StandardCharsets.UTF_8);
        Answer deployed = http.deploy("demo", "bare-case.bpmn", bpmn);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        // the same grants on the bare process as the prosecutors have on ViolationCase (security.AccessRules)
        Answer granted = http.post("demo", "/engine-rest/authorization/create", Map.of("type", 1,
                "permissions", List.of("READ", "CREATE_INSTANCE", "READ_INSTANCE", "READ_HISTORY",
                        "READ_INSTANCE_VARIABLE", "READ_HISTORY_VARIABLE", "READ_TASK_VARIABLE"),
                "groupId", "prosecutors", "resourceType", 6, "resourceId", CaseWalks.BARE_PROCESS));
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------ open cases, heap, storm

    @Test
    @Order(3)
    void tenThousandOpenCasesInHalfAGigabyteOfHeap() {
        Store store = openCases(Store.h2("open-cases")).copy("heap");
        try (AppProcess app = AppProcess.start("heap-512m", List.of("-Xmx512m"), store.arguments("heap"))) {
            HttpApi http = app.http();
            Map<String, Double> millis = new LinkedHashMap<>();
            String someCase = "S-" + String.format("%06d", OPEN_CASES / 2);
            for (String[] call : List.of(
                    new String[] {"commission1", "/engine-rest/task/count?taskDefinitionKey=Task_CancelRegistration"},
                    new String[] {"commission1", "/engine-rest/task?taskDefinitionKey=Task_CancelRegistration&maxResults=50"},
                    new String[] {"prosecutor", "/api/cases/" + someCase},
                    new String[] {"auditor", "/api/cases?status=OPEN&size=500"},
                    new String[] {"auditor", "/api/statistics"})) {
                long started = System.nanoTime();
                Answer answer = http.get(call[0], call[1]);
                millis.put(call[1].replaceAll("\\?.*", ""), (System.nanoTime() - started) / 1e6);
                assertThat(answer.status()).as(call[1] + ": " + answer.text()).isEqualTo(200);
            }
            // the storm's cases and its warm-up's: all open here
            int open = OPEN_CASES + STORM_WARM_UP;
            assertThat(countOpenCancellations(http)).isEqualTo(open);
            double usedMib = app.usedHeapAfterFullGcMib();
            boolean outOfMemory = app.logMentions("OutOfMemoryError");
            RESULTS.add(format("heap in use after full GC, %,d open cases, -Xmx512m", open),
                    format("%.0f MiB", usedMib), "fits 512 MiB", !outOfMemory && usedMib < 512);
            RESULTS.note("API calls with " + open + " open cases under -Xmx512m (ms, all 200): " + rounded(millis));
        }
    }

    /**
     * The deadlines view and the metrics endpoint with the open cases' tasks (each waiting at
     * Task_CancelRegistration): p95 of {@link #DEADLINE_CALLS} sequential calls of each after a warm-up. The
     * metrics' snapshot lives 0.5 s here ({@code metrics.snapshot-ttl=PT0.5S}) and the scrapes are 0.6 s
     * apart, so that every scrape counts again: the figure is a scrape's full cost, not the cached answer's.
     */
    @Test
    @Order(6)
    void deadlinesViewAndMetricsWithTenThousandOpenTasks() {
        Store store = openCases(Store.h2("open-cases")).copy("deadlines");
        List<String> arguments = new ArrayList<>(store.arguments("deadlines"));
        arguments.add("--metrics.snapshot-ttl=PT0.5S");
        try (AppProcess app = AppProcess.start("deadlines", List.of(), arguments)) {
            HttpApi http = app.http();
            int open = OPEN_CASES + STORM_WARM_UP;
            Answer view = http.get("auditor", "/api/deadlines");
            assertThat(view.status()).as(view.text()).isEqualTo(200);
            long counted = 0;
            for (JsonNode state : view.body().get("totals")) {
                counted += state.asLong();
            }
            assertThat(counted).as("the open tasks the view counts").isGreaterThanOrEqualTo(open);
            Map<String, String> prometheus = Map.of("Accept", "text/plain");
            Map<String, double[]> calls = new LinkedHashMap<>();
            calls.put("GET /api/deadlines", p95(() -> http.get("auditor", "/api/deadlines"), 0));
            calls.put("GET /actuator/prometheus", p95(() -> http.send("demo", "GET", "/actuator/prometheus", null,
                    prometheus), 600));
            calls.forEach((call, figures) -> {
                RESULTS.add(format("%s, %,d open tasks, p95 of %d calls", call, open, DEADLINE_CALLS),
                        format("%.0f ms", figures[0]), "200 ms", figures[0] <= 200);
                RESULTS.note(format("%s with %,d open tasks: median %.1f ms, p95 %.1f ms, max %.1f ms", call, open,
                        figures[1], figures[0], figures[2]));
            });
        }
    }

    static final int DEADLINE_CALLS = Integer.getInteger("bench.deadlineCalls", 200);

    // ------------------------------------------------------------------------------------ notifications

    static final int NOTIFICATIONS = Integer.getInteger("bench.notifications", 1000);

    /**
     * NOTIFICATIONS more members of {@code prosecutors}, each with an address, and one case whose check of the
     * fact lands in that group: one message per member written at once, in the case's transaction. Timed from
     * the case's POST until a local SMTP server (GreenMail, in this JVM) holds every one of them, with
     * the default sender settings (every 10 s, 200 at a time).
     */
    @Test
    @Order(8)
    void aThousandNotificationsDueAtOnceReachALocalMailServer() throws Exception {
        Store store = Store.h2("notifications");
        store.create();
        int smtpPort = AppProcess.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        List<String> arguments = new ArrayList<>(store.arguments("notifications"));
        arguments.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort));
        try (AppProcess app = AppProcess.start("notifications", List.of(), arguments)) {
            HttpApi http = app.http();
            for (int i = 0; i < NOTIFICATIONS; i++) {
                String user = "reviewer" + i;
                Answer created = http.post("demo", "/engine-rest/user/create", Map.of(
                        "profile", Map.of("id", user, "firstName", "Reviewer", "lastName", String.valueOf(i),
                                "email", user + "@example.org"),
                        "credentials", Map.of("password", "Reviewer-" + i + "-password")));
                assertThat(created.status()).as(created.text()).isEqualTo(204);
                assertThat(http.send("demo", "PUT", "/engine-rest/group/prosecutors/members/" + user, null).status())
                        .isEqualTo(204);
            }
            String electionId = createElection(http, LocalDate.now(ALMATY).plusDays(60));
            Map<String, Object> offender = Map.of("kind", "CITIZEN", "name", "Bench Citizen", "iin", TestIins.next());
            Map<String, Object> fact = Map.of("electionId", electionId, "region", "Almaty",
                    "committedOn", LocalDate.now(ALMATY).minusDays(1).toString(), "place", "Abai avenue",
                    "offender", offender, "article", "114", "source", "MONITORING", "description", "Bench notifications");
            smtp.purgeEmailFromAllMailboxes();
            long started = System.nanoTime();
            Answer created = http.post("prosecutor", "/api/cases", fact);
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            String caseNumber = created.body().get("caseNumber").asText();
            double postSeconds = (System.nanoTime() - started) / 1e9;
            long deadline = started + TimeUnit.MINUTES.toNanos(3);
            long received = 0;
            while (System.nanoTime() < deadline) {
                received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subjectHas(m, caseNumber)).count();
                if (received >= NOTIFICATIONS + 1) {
                    break;
                }
                sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // the demo prosecutor's message besides the bench users'
            assertThat(received).as("messages of the case received").isEqualTo(NOTIFICATIONS + 1);
            RESULTS.add(format("%,d notifications due at once, all at a local SMTP server", NOTIFICATIONS + 1),
                    format("%.1f s", seconds), "60 s", seconds <= 60);
            RESULTS.note(format("the case's POST, which writes the %,d messages: %.1f s", NOTIFICATIONS + 1, postSeconds));
        } finally {
            smtp.stop();
        }
    }

    private static boolean subjectHas(MimeMessage message, String text) {
        try {
            return message.getSubject() != null && message.getSubject().contains(text);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * p95, median and max in milliseconds of DEADLINE_CALLS calls after 20 untimed ones, pauseMillis apart;
     * each must answer 200.
     */
    private static double[] p95(java.util.function.Supplier<Answer> call, long pauseMillis) {
        for (int i = 0; i < 20; i++) {
            assertThat(call.get().status()).isEqualTo(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < DEADLINE_CALLS; i++) {
            if (pauseMillis > 0) {
                sleep(pauseMillis);
            }
            long started = System.nanoTime();
            Answer answer = call.get();
            millis.add((System.nanoTime() - started) / 1e6);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return new double[] {sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), median(sorted),
                sorted.get(sorted.size() - 1)};
    }

    @Test
    @Order(4)
    void freezeStormOnOneNodeOnH2() {
        Store snapshot = openCases(Store.h2("open-cases"));
        for (String variant : STORM_VARIANTS) {
            Storm storm = freezeStorm(snapshot.copy("storm-h2-" + variant), variant, 1);
            report(variant, "1 node, H2 file", storm, 20);
        }
    }

    @Test
    @Order(5)
    void freezeStormOnOneAndTwoNodesOnPostgres() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (PG_STATEMENTS) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            Store snapshot = openCases(Store.postgres(postgres, "open_cases"));
            for (String variant : STORM_VARIANTS) {
                if (STORM_NODES.contains("1")) {
                    report(variant, "1 node, PostgreSQL", freezeStorm(snapshot.copy("storm_1_" + variant), variant, 1), 20);
                }
                if (STORM_NODES.contains("2")) {
                    report(variant, "2 nodes, PostgreSQL", freezeStorm(snapshot.copy("storm_2_" + variant), variant, 2), 12);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a storm took: the PUT (rescheduling inside the request) and until no cancellation is left. */
    record Storm(double putSeconds, double withdrawnAfterPutSeconds, double totalSeconds, long withdrawn,
                 Map<String, Long> jobsByNode) {
    }

    private static void report(String variant, String where, Storm storm, double goalSeconds) {
        RESULTS.add(format("freeze storm, %,d tasks, %s, job executor %s: PUT until all withdrawn", OPEN_CASES,
                where, variant), format("%.1f s", storm.totalSeconds()), format("<= %.0f s", goalSeconds),
                storm.totalSeconds() <= goalSeconds);
        RESULTS.add("  of which PUT /api/elections/{id} (RegistrationFreeze.onCalendarChanged)",
                format("%.1f s", storm.putSeconds()));
        RESULTS.add("  of which the job executor after the PUT" + (storm.jobsByNode().size() > 1
                ? " " + storm.jobsByNode() : ""), format("%.1f s (%.0f cases/s)",
                storm.withdrawnAfterPutSeconds(), storm.withdrawn() / storm.withdrawnAfterPutSeconds()));
    }

    /**
     * Starts the nodes on the store (each with the job executor variant's settings), moves the voting day of
     * the open cases' election so that its freeze (D-2 00:00) has begun, and polls until every
     * Task_CancelRegistration is gone and every case closed by its freeze timer.
     */
    /** JVM options for a flight recording with whole stacks (the engine's are deeper than JFR's default 64). */
    private static List<String> flightRecording(String file) {
        return List.of("-XX:FlightRecorderOptions:stackdepth=1024", "-XX:StartFlightRecording=filename="
                + recordingsFolder().resolve(file) + ",settings=profile");
    }

    private static Path recordingsFolder() {
        try {
            return Files.createDirectories(Store.H2_FOLDER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Storm freezeStorm(Store store, String variant, int nodeCount) {
        List<String> overrides = JOB_EXECUTOR_VARIANTS.get(variant);
        if (overrides == null) {
            throw new IllegalArgumentException("no job executor variant " + variant + " in " + JOB_EXECUTOR_VARIANTS.keySet());
        }
        List<AppProcess> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < nodeCount; n++) {
                String node = "node-" + (char) ('a' + n);
                List<String> arguments = new ArrayList<>(store.arguments(node));
                arguments.addAll(overrides);
                List<String> jvmOptions = Boolean.getBoolean("bench.jfr")
                        ? flightRecording(store.name() + "-" + node + ".jfr") : List.of();
                nodes.add(AppProcess.start(store.name() + "-" + node, jvmOptions, arguments));
            }
            HttpApi first = nodes.get(0).http();
            HttpApi last = nodes.get(nodes.size() - 1).http();
            String electionId = electionNamed(first, OPEN_CASES_ELECTION);
            if (STORM_WARM_UP > 0) {
                // A node in service has run the engine's paths for weeks; a node started a minute ago compiles
                // them during the storm (the JIT took half a core of the two, top -H). So the nodes first
                // withdraw a smaller election's cases, untimed, as the cost per case has its warm-up.
                String warmUp = electionNamed(first, WARM_UP_ELECTION);
                CandidateCases.startTheFreeze(last, warmUp, WARM_UP_ELECTION);
                long warmUpDeadline = System.nanoTime() + 300_000_000_000L;
                while (keptDueToFreeze(first, warmUp) < STORM_WARM_UP) {
                    assertThat(System.nanoTime()).as("warm-up withdrawn within 5 minutes").isLessThan(warmUpDeadline);
                    sleep(200);
                }
            }
            assertThat(countJobs(first)).as("cases waiting for the freeze before the storm").isEqualTo(OPEN_CASES);
            if (PG_STATEMENTS) {
                store.resetStatements();
            }
            long started = System.nanoTime();
            CandidateCases.startTheFreeze(last, electionId, OPEN_CASES_ELECTION);
            long answered = System.nanoTime();
            long deadline = answered + 600_000_000_000L;
            // Polled every 100 ms: the auditors' count of registrations kept due to the freeze, which the
            // withdrawing transaction itself writes (cheap: one election's rows of case_report). The engine's
            // counts of waiting cases and open tasks go through the authorization tables (20-60 ms of database
            // time each at 4,000 cases, pg_stat_statements): asked only when that count says all are done.
            do {
                while (keptDueToFreeze(first, electionId) < OPEN_CASES) {
                    assertThat(System.nanoTime()).as("all withdrawn within 10 minutes").isLessThan(deadline);
                    sleep(100);
                }
            } while (countJobs(first) > 0 || countOpenCancellations(first) > 0);
            long done = System.nanoTime();
            if (PG_STATEMENTS) {
                store.writeStatements(recordingsFolder().resolve(store.name() + "-statements.txt"));
            }
            long withdrawn = first.get("demo", "/engine-rest/history/activity-instance/count?activityId="
                    + "EndEvent_CancellationWithdrawnByFreeze").body().get("count").asLong() - STORM_WARM_UP;
            assertThat(withdrawn).as("cases closed by the freeze (the warm-up's aside)").isEqualTo(OPEN_CASES);
            assertThat(keptDueToFreeze(first, electionId)).isEqualTo(OPEN_CASES);
            assertThat(first.get("demo", "/engine-rest/incident/count").body().get("count").asLong()).isZero();
            return new Storm((answered - started) / 1e9, (done - answered) / 1e9, (done - started) / 1e9, withdrawn,
                    store.freezeJobsByNode(electionId));
        } finally {
            nodes.forEach(AppProcess::close);
        }
    }

    private static long keptDueToFreeze(HttpApi http, String electionId) {
        return http.get("auditor", "/api/statistics?electionId=" + electionId).body()
                .get("registrationsKeptDueToFreeze").asLong();
    }

    private static long countOpenCancellations(HttpApi http) {
        return http.get("demo", "/engine-rest/task/count?taskDefinitionKey=Task_CancelRegistration").body()
                .get("count").asLong();
    }

    /** Cases still waiting for their election's freeze message at the cancellation. */
    private static long countJobs(HttpApi http) {
        return http.get("demo", "/engine-rest/event-subscription/count?eventType=message"
                        + "&activityId=Event_FreezeWithdrawsCancellation").body()
                .get("count").asLong();
    }

    private static String electionNamed(HttpApi http, String name) {
        for (JsonNode election : http.get("demo", "/api/elections").body()) {
            if (election.get("name").asText().equals(name)) {
                return election.get("id").asText();
            }
        }
        throw new IllegalStateException("no election " + name);
    }

    static final String OPEN_CASES_ELECTION = "Bench open cases";
    static final String WARM_UP_ELECTION = "Bench warm-up";
    private static final Map<String, Store> OPEN_CASES_SNAPSHOTS = new HashMap<>();

    /**
     * A database with {@link #OPEN_CASES} cases waiting at Task_CancelRegistration (their election votes in
     * 30 days, so the freeze timers lie ahead), made once per run and store kind; the parts copy it.
     */
    static synchronized Store openCases(Store store) {
        return OPEN_CASES_SNAPSHOTS.computeIfAbsent(store.kind(), kind -> {
            store.create();
            try (AppProcess app = AppProcess.start(store.name() + "-setup", List.of(), store.arguments("node-a"))) {
                loadOpenCases(app.http(), store.kind());
            }
            return store;
        });
    }

    /** The cases start right before Task_CancelRegistration (see CandidateCases); each has its freeze timer. */
    static void loadOpenCases(HttpApi http, String kind) {
        if (STORM_WARM_UP > 0) {
            String warmUp = CandidateCases.election(http, WARM_UP_ELECTION);
            try {
                CandidateCases.startWaitingForCancellation(List.of(http), warmUp, "W", STORM_WARM_UP, 4);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        String electionId = CandidateCases.election(http, OPEN_CASES_ELECTION);
        long started = System.nanoTime();
        try {
            CandidateCases.startWaitingForCancellation(List.of(http), electionId, "S", OPEN_CASES, 4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(countJobs(http)).as("every open cancellation waits for the freeze").isEqualTo(OPEN_CASES + STORM_WARM_UP);
        assertThat(countOpenCancellations(http)).isEqualTo(OPEN_CASES + STORM_WARM_UP);
        RESULTS.note(format("%,d open cases started before Task_CancelRegistration over engine REST on %s in %.0f s (%.0f/s)",
                OPEN_CASES, kind, seconds, OPEN_CASES / seconds));
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static String createElection(HttpApi http, LocalDate votingDay) {
        Answer created = http.post("demo", "/api/elections", Map.of("name", "Bench " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", votingDay.toString(), "timeZone", "Asia/Almaty"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** Runs count calls of work on {@link #WORKERS} threads; answers the wall time in milliseconds. */
    static double run(int count, IntConsumer work) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                running.add(workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.accept(i);
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            workers.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(v -> format("%.2f", v)).toList();
    }

    private static Map<String, String> rounded(Map<String, Double> millis) {
        Map<String, String> rounded = new LinkedHashMap<>();
        millis.forEach((k, v) -> rounded.put(k, format("%.1f", v)));
        return rounded;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
