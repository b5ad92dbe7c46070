package kz.elections.violations.audit;

import kz.elections.violations.demo.Briefing2023;
import kz.elections.violations.demo.BriefingPlayer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.election.ElectionRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditors' endpoints on 100,000 closed cases, over HTTP on the running application (H2 file
 * database under target/bench). Not part of {@code mvn verify}: run {@code bench/audit.sh}.
 * <p>
 * Loading: the 34 cases of the 2023 briefing are played through the real engine; then their engine
 * history rows (process, activity, task, variable, detail, user operation log, job log, identity link)
 * and their case_report rows are copied with SQL (H2 only), each copy with new ids and case number, spread over
 * ten elections and a year of dates, until there are at least 100,000 cases. The database is kept and
 * reused by the next run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench/audit;DB_CLOSE_ON_EXIT=FALSE",
        "camunda.bpm.job-execution.enabled=false",
        "audit.demo-briefing=false",
        "logging.level.org.camunda.bpm.engine.context=OFF"})
@ActiveProfiles("demo")
class AuditBenchmark {

    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 300);
    static final String TEMPLATE_ELECTION = "bench-template";
    static final Set<String> ID_COLUMNS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
            "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "TASK_ID_", "VAR_INST_ID_", "CALL_PROC_INST_ID_", "JOB_ID_",
            "OPERATION_ID_", "SCOPE_ACT_INST_ID_", "CALL_CASE_INST_ID_", "PROCESS_INSTANCE_ID_");
    static final List<String> HISTORY_TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
            "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG", "ACT_HI_JOB_LOG", "ACT_HI_IDENTITYLINK");

    /** The column naming the process instance, where a history table does not call it PROC_INST_ID_. */
    static final Map<String, String> INSTANCE_COLUMN = Map.of("ACT_HI_JOB_LOG", "PROCESS_INSTANCE_ID_",
            "ACT_HI_IDENTITYLINK", "ROOT_PROC_INST_ID_");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    BriefingPlayer player;
    @Autowired
    ElectionRepository elections;

    @Test
    void auditEndpointsOnAHundredThousandClosedCases() throws Exception {
        long loadStarted = System.nanoTime();
        String loaded = load();
        long loadSeconds = (System.nanoTime() - loadStarted) / 1_000_000_000;
        long cases = jdbc.queryForObject("select count(*) from case_report where case_status = 'CLOSED'", Long.class);
        assertThat(cases).isGreaterThanOrEqualTo(CASES);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : HISTORY_TABLES) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        List<String> caseNumbers = jdbc.queryForList(
                "select case_number from case_report where case_number like 'B%' order by process_instance_id",
                String.class);
        Random random = new Random(42);

        Map<String, double[]> results = new LinkedHashMap<>();
        // the statistics without a date range answer from each election's counts, recounted when the
        // election's cases changed; a date range is counted from the rows, each request with another range
        // (H2 would otherwise hand back the result of an identical query unchanged)
        results.put("GET /api/statistics (all " + cases + " cases, unchanged since the last request)",
                measure(() -> "/api/statistics", () -> { }));
        results.put("GET /api/statistics (all cases, a case of one election registered before each request)",
                measure(() -> "/api/statistics", () -> registerACase(client(), random)));
        results.put("GET /api/statistics?electionId=bench-<random>",
                measure(() -> "/api/statistics?electionId=bench-" + random.nextInt(10), () -> { }));
        results.put("GET /api/statistics?electionId=bench-<random>&from=<random>&to=<random + 90 days>",
                measure(() -> {
                    LocalDate from = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(270));
                    return "/api/statistics?electionId=bench-" + random.nextInt(10) + "&from=" + from + "&to="
                            + from.plusDays(90);
                }, () -> { }));
        results.put("GET /api/cases/{n}/history (random case)",
                measure(() -> "/api/cases/" + caseNumbers.get(random.nextInt(caseNumbers.size())) + "/history",
                        () -> { }));
        results.put("GET /api/cases?electionId=bench-<random>&page=<random>&size=50",
                measure(() -> "/api/cases?electionId=bench-" + random.nextInt(10) + "&page=" + random.nextInt(100)
                        + "&size=50", () -> { }));

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nAudit benchmark: %d closed cases (%s, %d s); history rows %s%n",
                cases, loaded, loadSeconds, rows));
        table.append(String.format(Locale.ROOT, "%-75s %9s %9s %9s%n", "request (" + REQUESTS + " each, as auditor)",
                "p50 ms", "p95 ms", "max ms"));
        results.forEach((name, r) -> table.append(String.format(Locale.ROOT, "%-75s %9.1f %9.1f %9.1f%n",
                name, r[0], r[1], r[2])));
        System.out.println(table);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/results.txt"), table.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static HttpClient client() {
        return HttpClient.newHttpClient();
    }

    /** A new fact of one of the benchmark's elections, over the API as the prosecutor (not measured). */
    private void registerACase(HttpClient client, Random random) {
        String body = "{\"electionId\":\"bench-" + random.nextInt(10) + "\",\"region\":\"Almaty\","
                + "\"committedOn\":\"2023-05-02\",\"place\":\"Square\",\"offender\":{\"kind\":\"CITIZEN\","
                + "\"name\":\"Bench citizen\",\"iin\":\"" + kz.elections.violations.support.TestIins.next() + "\"},"
                + "\"article\":\"114\",\"source\":\"MONITORING\",\"description\":\"Benchmark\"}";
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/cases"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "prosecutor:prosecutor".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double[] measure(java.util.function.Supplier<String> paths, Runnable beforeEach)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) {
            beforeEach.run();
            call(client, auth, paths.get());
        }
        double[] millis = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            beforeEach.run();
            long started = System.nanoTime();
            call(client, auth, paths.get());
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[REQUESTS / 2], millis[(int) Math.ceil(REQUESTS * 0.95) - 1], millis[REQUESTS - 1]};
    }

    private void call(HttpClient client, String auth, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }

    /** @return how the data got there */
    private String load() throws SQLException {
        Long existing = jdbc.queryForObject("select count(*) from case_report", Long.class);
        if (existing != null && existing >= CASES) {
            return "reused from an earlier run";
        }
        if (elections.find(TEMPLATE_ELECTION).isEmpty()) {
            elections.insert(new Election(TEMPLATE_ELECTION, "Benchmark template", ElectionLevel.MAZHILIS,
                    LocalDate.parse("2023-03-19"), "Asia/Almaty"));
            for (int i = 0; i < 10; i++) {
                elections.insert(new Election("bench-" + i, "Benchmark election " + i, ElectionLevel.MASLIKHAT,
                        LocalDate.parse("2023-03-19"), "Asia/Almaty"));
            }
            Briefing2023 briefing = Briefing2023.load();
            player.play(briefing.facts(), Map.of("mazhilis", TEMPLATE_ELECTION, "maslikhats", TEMPLATE_ELECTION));
        }
        List<String> templates = jdbc.queryForList(
                "select process_instance_id from case_report where election_id = ?", String.class, TEMPLATE_ELECTION);
        String in = templates.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        int copies = (int) Math.ceil((CASES - templates.size()) / (double) templates.size());
        int chunk = 250;
        for (int first = 1; first <= copies; first += chunk) {
            int last = Math.min(copies, first + chunk - 1);
            System.out.printf("copying %d-%d of %d%n", first, last, copies);
            for (String table : HISTORY_TABLES) {
                copy(table, INSTANCE_COLUMN.getOrDefault(table, "PROC_INST_ID_"), in, first, last);
            }
            copy("CASE_REPORT", "PROCESS_INSTANCE_ID", in, first, last);
        }
        jdbc.execute("analyze");
        return "34 played through the engine, " + copies + " SQL copies of each";
    }

    private void copy(String table, String processColumn, String templateIds, int first, int last) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            String c = "t." + column;
            String upper = column.toUpperCase(Locale.ROOT);
            if (ID_COLUMNS.contains(upper) || upper.equals("PROCESS_INSTANCE_ID")) {
                // the engine's ids end in a UUID whose last 12 characters (the node) are the same for every id
                // of one run: the copy number takes their place, so a copy's ids keep their length
                values.add("case when " + c + " is null then null else concat(left(" + c + ", length(" + c
                        + ") - 12), lpad(cast(r.x as varchar), 12, '0')) end");
            } else if (upper.equals("BUSINESS_KEY_") || upper.equals("CASE_NUMBER")) {
                values.add("case when " + c + " is null then null else concat('B', r.x, '-', " + c + ") end");
            } else if (upper.equals("ELECTION_ID")) {
                values.add("concat('bench-', mod(r.x, 10))");
            } else if (upper.equals("COMMITTED_ON")) {
                values.add("dateadd('DAY', mod(r.x, 365), " + c + ")");
            } else {
                values.add(c);
            }
        }
        String names = String.join(", ", columns);
        jdbc.update("insert into " + table + " (" + names + ") select " + String.join(", ", values) + " from "
                + table + " t cross join system_range(" + first + ", " + last + ") r where t." + processColumn
                + " in (" + templateIds + ")");
    }
}
