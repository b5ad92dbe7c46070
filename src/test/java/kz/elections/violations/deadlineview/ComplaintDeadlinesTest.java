package kz.elections.violations.deadlineview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.support.ComplaintClient.Reply;
import kz.elections.violations.support.ComplaintTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * The complaints' triage tasks in the deadlines view and the operators' metrics: by due state in their
 * election, not in any district commission, in the most urgent tasks with their tracking numbers, and for a
 * regional office only its region's.
 */
class ComplaintDeadlinesTest extends ComplaintTestSupport {

    private String received(Election election, String region) {
        Reply reply = complaints.submit(complaint(election, region, YESTERDAY), newClient());
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body().get("trackingNumber").asText();
    }

    private JsonNode view(String user, Election election) {
        HttpApi.Answer answer = http.get(user, "/api/deadlines?electionId=" + election.id());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static String counts(JsonNode counts) {
        return counts.get("OVERDUE").asLong() + "/" + counts.get("DUE_TODAY").asLong() + "/"
                + counts.get("DUE_THIS_WEEK").asLong() + "/" + counts.get("LATER").asLong();
    }

    private double openTriages(String state) {
        HttpApi.Answer scrape = http.send("demo", "GET", "/actuator/prometheus", null,
                Map.of("Accept", "text/plain"));
        assertThat(scrape.status()).as(scrape.text()).isEqualTo(200);
        String metrics = scrape.text();
        Matcher found = Pattern.compile("elections_tasks_open\\{([^}]*)} (\\S+)").matcher(metrics);
        while (found.find()) {
            if (found.group(1).contains("task=\"Task_TriageComplaint\"")
                    && found.group(1).contains("due_state=\"" + state + "\"")) {
                return Double.parseDouble(found.group(2));
            }
        }
        throw new AssertionError("no open triage tasks " + state + " among\n" + metrics.lines()
                .filter(line -> line.startsWith("elections_tasks_open")).limit(12).toList());
    }

    @Test
    void triageTasksCountInTheirElectionAndRegionButInNoDistrictCommission() {
        Election own = election("2026-05-01", "Asia/Almaty");
        // Wednesday 1 April: the first complaint is due in five days, Monday 6 April
        String almaty = received(own, "almaty");
        // Friday 3 April: the second is due Wednesday 8 April
        setClock(NOW.plus(Duration.ofDays(2)));
        String astana = received(own, "astana");

        // Monday 6 April, 12:00 in Almaty: the first is overdue, the second due this week
        setClock(Instant.parse("2026-04-06T07:00:00Z"));
        JsonNode view = view("prosecutor", own);
        JsonNode election = view.at("/elections/0");
        assertThat(election.get("electionId").asText()).isEqualTo(own.id());
        assertThat(counts(election.get("counts"))).isEqualTo("1/0/1/0");
        assertThat(election.get("districts")).isEmpty();
        assertThat(election.at("/byTask/0/taskDefinitionKey").asText()).isEqualTo("Task_TriageComplaint");
        assertThat(counts(election.at("/byTask/0/counts"))).isEqualTo("1/0/1/0");
        JsonNode tasks = view.get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.at("/0/trackingNumber").asText()).isEqualTo(almaty);
        assertThat(tasks.at("/0/dueState").asText()).isEqualTo("OVERDUE");
        assertThat(tasks.at("/0/caseNumber").isNull()).isTrue();
        assertThat(tasks.at("/0/electionId").asText()).isEqualTo(own.id());
        assertThat(tasks.at("/1/trackingNumber").asText()).isEqualTo(astana);
        assertThat(tasks.at("/1/dueState").asText()).isEqualTo("DUE_THIS_WEEK");

        // Almaty's office: only its region's complaint
        JsonNode almatyView = view(ALMATY_PROSECUTOR, own);
        assertThat(counts(almatyView.at("/elections/0/counts"))).isEqualTo("1/0/0/0");
        assertThat(almatyView.get("tasks").findValuesAsText("trackingNumber")).containsExactly(almaty);

        // the operators' metrics count them by task and due state, every election's (other tests' too) as the
        // deadlines view does
        HttpApi.Answer everyElection = http.get("prosecutor", "/api/deadlines");
        assertThat(everyElection.status()).as(everyElection.text()).isEqualTo(200);
        for (String state : new String[] {"OVERDUE", "DUE_THIS_WEEK"}) {
            long inView = 0;
            for (JsonNode each : everyElection.body().get("elections")) {
                for (JsonNode task : each.get("byTask")) {
                    if (task.get("taskDefinitionKey").asText().equals("Task_TriageComplaint")) {
                        inView += task.at("/counts/" + state).asLong();
                    }
                }
            }
            assertThat(inView).as(state).isPositive();
            assertThat(openTriages(state)).as(state).isEqualTo((double) inView);
        }

        // an answered complaint's task is gone from the view
        String taskId = tasks.at("/0/taskId").asText();
        processEngine.getTaskService().complete(taskId, Map.of("triageDecision", "REJECT",
                "reason", "Not an election matter"));
        assertThat(counts(view("prosecutor", own).at("/elections/0/counts"))).isEqualTo("0/0/1/0");
    }
}
