package kz.elections.violations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.election.Election;
import kz.elections.violations.escalation.EscalationCounts;
import kz.elections.violations.escalation.EscalationSweep;
import kz.elections.violations.notifications.NotificationSender;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code GET /actuator/prometheus} answers admins only, health stays open; the gauges count the open tasks
 * by task and due state, the overdue tasks and the jobs as the engine does, after a known set of cases.
 */
class OperationsMetricsTest extends CaseTestSupport {

    private static final Map<String, String> PROMETHEUS = Map.of("Accept", "text/plain");

    @LocalServerPort
    int port;
    @Autowired
    EscalationSweep sweep;
    @Autowired
    EscalationCounts escalationCounts;
    @Autowired
    NotificationSender sender;
    @Autowired
    JdbcTemplate jdbc;

    private HttpApi http;

    @BeforeEach
    void client() {
        http = new HttpApi(port);
    }

    private HttpApi.Answer scrape(String user) {
        return http.send(user, "GET", "/actuator/prometheus", null, PROMETHEUS);
    }

    private static double value(String metrics, String name, String... labels) {
        Pattern line = Pattern.compile("^" + name + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            String found = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        throw new AssertionError("no " + name + " " + String.join(",", labels) + " in\n" + metrics);
    }

    private static double checkFacts(String metrics, String state) {
        return value(metrics, "elections_tasks_open", "task=\"Task_CheckFact\"", "due_state=\"" + state + "\"");
    }

    @Test
    void onlyAdminsReadTheMetricsAndHealthStaysOpen() {
        assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
        HttpApi.Answer anonymous = scrape(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(scrape("prosecutor").status()).isEqualTo(403);
        assertThat(scrape("auditor").status()).isEqualTo(403);
        assertThat(scrape("demo:wrong").status()).isEqualTo(401);
        HttpApi.Answer demo = scrape("demo");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.text()).contains("# HELP elections_tasks_overdue", "elections_jobs_due", "elections_jobs_failed",
                "elections_notifications{state=\"pending\"}", "elections_tasks_escalated");
    }

    @Test
    void theGaugesCountAKnownSetOfCasesByDueStateAndTheJobsAsTheEngineDoes() {
        Election election = election("2023-03-19", "Asia/Almaty");
        // Friday 10 March 2023, 12:00 in Almaty: what the gauges count before the cases
        setClock("2023-03-10T12:00", "Asia/Almaty");
        String before = scrape("demo").text();

        // checking a fact is due three days after the case arrives
        setClock("2023-03-06T12:00", "Asia/Almaty");
        startCase(election, "CANDIDATE", "102", "2023-02-25");   // due 9 March 12:00: overdue
        setClock("2023-03-07T13:00", "Asia/Almaty");
        startCase(election, "CANDIDATE", "102", "2023-02-25");   // due 10 March 13:00: today
        setClock("2023-03-08T13:00", "Asia/Almaty");
        startCase(election, "CANDIDATE", "102", "2023-02-25");   // due Saturday 11 March: this week
        startCase(election, "CANDIDATE", "102", "2023-02-25");
        setClock("2023-03-10T11:00", "Asia/Almaty");
        startCase(election, "CANDIDATE", "102", "2023-02-25");   // due Monday 13 March: next week

        // back at Friday noon, past the snapshot's five seconds
        setClock("2023-03-10T12:00:10", "Asia/Almaty");
        String after = scrape("demo").text();
        assertThat(checkFacts(after, "OVERDUE") - checkFacts(before, "OVERDUE")).isEqualTo(1);
        assertThat(checkFacts(after, "DUE_TODAY") - checkFacts(before, "DUE_TODAY")).isEqualTo(1);
        assertThat(checkFacts(after, "DUE_THIS_WEEK") - checkFacts(before, "DUE_THIS_WEEK")).isEqualTo(2);
        assertThat(checkFacts(after, "LATER") - checkFacts(before, "LATER")).isEqualTo(1);
        assertThat(value(after, "elections_tasks_overdue") - value(before, "elections_tasks_overdue")).isEqualTo(1);
        assertThat(value(after, "elections_jobs_due"))
                .isEqualTo(managementService.createJobQuery().executable().count());
        assertThat(value(after, "elections_jobs_failed"))
                .isEqualTo(managementService.createJobQuery().noRetriesLeft().count());

        // within the five seconds the same snapshot answers: one count per scrape window, not per request
        startCase(election, "CANDIDATE", "102", "2023-02-25");
        assertThat(checkFacts(scrape("demo").text(), "LATER")).isEqualTo(checkFacts(after, "LATER"));
    }

    @Test
    void theEscalationAndNotificationGaugesFollowASweepAndASend() {
        // an election of its own years ahead: no other test's task of a current election is overdue then
        Election election = election("2030-03-17", "Asia/Almaty");
        setClock("2030-03-04T12:00", "Asia/Almaty");
        sender.sendDue();
        startCase(election, "CANDIDATE", "102", "2030-02-25");   // checking it is due 7 March 12:00
        startCase(election, "CANDIDATE", "102", "2030-02-25");
        setClock("2030-03-04T12:00:10", "Asia/Almaty");
        String before = scrape("demo").text();
        assertThat(value(before, "elections_notifications", "state=\"pending\"")).isEqualTo(outboxRows("PENDING"));

        setClock("2030-03-07T12:01", "Asia/Almaty");
        // other test classes' cases of elections still ahead may escalate in the same sweep (each an
        // overdue task escalating for the first time: no freeze is a day away on 7 March 2030 but this
        // election's), so the gauge grows by what the sweep escalated, two of them this election's
        int swept = sweep.sweep();
        assertThat(escalationCounts.escalated(election.id())).isEqualTo(2);
        setClock("2030-03-07T12:01:10", "Asia/Almaty");
        String escalated = scrape("demo").text();
        assertThat(value(escalated, "elections_tasks_escalated") - value(before, "elections_tasks_escalated"))
                .isEqualTo(swept).isGreaterThanOrEqualTo(2);
        // each escalation writes a message for every prosecutor with an address
        double written = value(escalated, "elections_notifications", "state=\"pending\"")
                - value(before, "elections_notifications", "state=\"pending\"");
        assertThat(written).isPositive().isEqualTo(outboxRows("PENDING") - value(before, "elections_notifications",
                "state=\"pending\""));

        double sentBefore = value(escalated, "elections_notifications", "state=\"sent\"");
        int sent = sender.sendDue();
        setClock("2030-03-07T12:01:20", "Asia/Almaty");
        String after = scrape("demo").text();
        assertThat(value(after, "elections_notifications", "state=\"pending\"")).isZero();
        assertThat(value(after, "elections_notifications", "state=\"sent\"") - sentBefore).isEqualTo(sent);
        assertThat(value(after, "elections_notifications", "state=\"failed\"")).isEqualTo(outboxRows("FAILED"));
    }

    private double outboxRows(String status) {
        Long rows = jdbc.queryForObject("select count(*) from notification_outbox where status = ?", Long.class, status);
        return rows == null ? 0 : rows;
    }

    @Test
    void theDashboardAndTheAlertRulesReadOnlyMetricsTheApplicationServes() throws Exception {
        String metrics = scrape("demo").text();
        String alerts = Files.readString(Path.of("docs/prometheus-alerts.yaml"));
        String dashboard = Files.readString(Path.of("docs/grafana-dashboard.json"));
        Map<String, Object> rules = new Yaml().load(alerts);
        assertThat(rules).containsKey("groups");
        assertThat(new ObjectMapper().readTree(dashboard).get("panels")).isNotEmpty();
        Matcher names = Pattern.compile("\\b(elections_[a-z_]+)").matcher(alerts + dashboard);
        int found = 0;
        while (names.find()) {
            found++;
            assertThat(metrics).as(names.group(1)).containsPattern("(?m)^" + names.group(1) + "[{ ]");
        }
        assertThat(found).isGreaterThan(5);
    }
}
