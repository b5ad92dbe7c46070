package kz.elections.violations.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.reporting.CaseFilter;
import kz.elections.violations.support.ComplaintClient.Reply;
import kz.elections.violations.support.ComplaintTestSupport;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import kz.elections.violations.triage.TriageVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The complaints' figures of {@code GET /api/statistics} and its CSV over HTTP, on the real engine: complaints
 * of an election of the test's own sent by the public and by partners of each channel, triaged over the engine's
 * REST API as the engine's clock moves so that some answers come after their legal term (five calendar days in
 * the campaign, from ComplaintAnswerTerm); received, by status, channel and region, anonymous, the answer
 * times' median and 90th percentile, on time, late and open past the term, exactly; the date range on the day
 * of the act; the figures of every election grow by exactly these; the regions' scope in one place.
 */
class ComplaintStatisticsTest extends ComplaintTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TaskService taskService;
    @Autowired
    StatisticsService statisticsService;

    private String received(Map<String, Object> complaint, String partnerKey) {
        Map<String, String> headers = newClient();
        if (partnerKey != null) {
            headers.put("X-Partner-Key", partnerKey);
        }
        Reply reply = complaints.submit(complaint, headers);
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        return reply.body().get("trackingNumber").asText();
    }

    private String partnerKey(String channel) {
        Reply issued = complaints.send("POST", "/api/admin/partners", json(Map.of("name", channel + " " + System.nanoTime(),
                "channel", channel)), "application/json", "demo", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.body().get("key").asText();
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes the complaint's triage task over the engine's REST API, as Tasklist does, at the engine's time. */
    private void triage(String user, String trackingNumber, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processDefinitionKey(TriageVariables.PROCESS_KEY)
                .processInstanceBusinessKey(trackingNumber).singleResult();
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Answer completed = http.send(user, "POST", "/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", variables));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    }

    private JsonNode statistics(String user, String query) {
        Answer answer = http.get(user, "/api/statistics" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static Map<String, Object> anonymous(Map<String, Object> complaint) {
        complaint.remove("contact");
        return complaint;
    }

    @Test
    void anElectionWithoutComplaintsCountsNoneAndNamesEveryStatusAndChannel() {
        JsonNode complaints = statistics("auditor", "?electionId=" + election.id()).get("complaints");
        assertThat(complaints.get("received").asLong()).isZero();
        assertThat(counts(complaints.get("byStatus"))).containsExactly(Map.entry("RECEIVED", 0L),
                Map.entry("ACCEPTED", 0L), Map.entry("MERGED", 0L), Map.entry("REJECTED", 0L));
        assertThat(complaints.get("byChannel").fieldNames()).toIterable()
                .containsExactly("PUBLIC", "HOTLINE", "MEDIA_MONITORING", "CEC_REFERRAL");
        assertThat(counts(complaints.get("byChannel")).values()).containsOnly(0L);
        assertThat(complaints.get("byRegion").size()).isZero();
        assertThat(complaints.get("anonymous").asLong()).isZero();
        JsonNode times = complaints.get("answerTimes");
        assertThat(times.get("answered").asLong()).isZero();
        assertThat(times.get("medianHours").isNull()).isTrue();
        assertThat(times.get("p90Hours").isNull()).isTrue();
        assertThat(times.get("answeredOnTime").asLong()).isZero();
        assertThat(times.get("answeredLate").asLong()).isZero();
        assertThat(times.get("openPastTerm").asLong()).isZero();

        String csv = http.get("auditor", "/api/statistics.csv?electionId=" + election.id()).text();
        assertThat(csv).contains("\r\ncomplaints,received,0\r\n", "\r\ncomplaints.answerTimes,medianHours,\r\n",
                "\r\ncomplaints.byChannel,CEC_REFERRAL,0\r\n").doesNotContain("complaints.byRegion");
    }

    @Test
    void theComplaintsOfAnElectionByStatusChannelAndRegionAndTheirAnswerTimesAgainstTheTerm() {
        JsonNode everyElectionBefore = statistics("auditor", "").get("complaints");
        String hotline = partnerKey("HOTLINE");
        String media = partnerKey("MEDIA_MONITORING");
        String cec = partnerKey("CEC_REFERRAL");

        // at NOW, 30 days before voting day: each answer is due five days after its complaint arrived
        String accepted = received(complaint(election, "almaty", YESTERDAY), null);
        String rejectedAnonymous = received(anonymous(complaint(election, "almaty", YESTERDAY)), null);
        String merged = received(complaint(election, "almaty", YESTERDAY), hotline);
        String rejectedLate = received(complaint(election, "astana", YESTERDAY), media);
        String openPastTerm = received(complaint(election, "Astana", YESTERDAY), cec);

        setClock(NOW.plus(Duration.ofHours(2)));
        triage(ALMATY_PROSECUTOR, accepted, Map.of("triageDecision", "ACCEPT", "offenderIin", TestIins.next(),
                "districtCommission", "1", "article", "102"));
        String caseNumber = complaints.get("prosecutor", "/api/complaints/" + accepted, Map.of()).body()
                .get("caseNumber").asText();
        setClock(NOW.plus(Duration.ofHours(30)));
        triage(ALMATY_PROSECUTOR, rejectedAnonymous, Map.of("triageDecision", "REJECT",
                "reason", "The complaint names no one who could be asked about it"));
        // a day past the term: late
        setClock(NOW.plus(Duration.ofDays(6)));
        triage("prosecutor", merged, Map.of("triageDecision", "MERGE", "caseNumber", caseNumber));
        // received now, due in five days: open, not yet past its term; its act earlier than the others'
        Map<String, Object> earlier = complaint(election, "astana", LocalDate.parse("2026-03-20"));
        String openInTerm = received(earlier, null);
        setClock(NOW.plus(Duration.ofDays(7)));
        triage(ASTANA_PROSECUTOR, rejectedLate, Map.of("triageDecision", "REJECT",
                "reason", "The broadcast named in the complaint was not found"));
        setClock(NOW.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));

        JsonNode figures = statistics("auditor", "?electionId=" + election.id());
        JsonNode complaints = figures.get("complaints");
        assertThat(complaints.get("received").asLong()).isEqualTo(6);
        assertThat(counts(complaints.get("byStatus"))).containsExactly(Map.entry("RECEIVED", 2L),
                Map.entry("ACCEPTED", 1L), Map.entry("MERGED", 1L), Map.entry("REJECTED", 2L));
        assertThat(counts(complaints.get("byChannel"))).containsExactly(Map.entry("PUBLIC", 3L),
                Map.entry("HOTLINE", 1L), Map.entry("MEDIA_MONITORING", 1L), Map.entry("CEC_REFERRAL", 1L));
        assertThat(counts(complaints.get("byRegion"))).containsExactly(Map.entry("almaty", 3L), Map.entry("astana", 3L));
        assertThat(complaints.get("anonymous").asLong()).isEqualTo(1);
        JsonNode times = complaints.get("answerTimes");
        // 2 h, 30 h, 144 h, 168 h: the median between 30 and 144, the 90th percentile 70% of the way from 144 to 168
        assertThat(times.get("answered").asLong()).isEqualTo(4);
        assertThat(times.get("medianHours").decimalValue()).isEqualByComparingTo("87.0");
        assertThat(times.get("p90Hours").decimalValue()).isEqualByComparingTo("160.8");
        assertThat(times.get("answeredOnTime").asLong()).isEqualTo(2);
        assertThat(times.get("answeredLate").asLong()).isEqualTo(2);
        assertThat(times.get("openPastTerm").asLong()).as(openPastTerm + " is past its term, " + openInTerm + " not")
                .isEqualTo(1);
        // the cases' figures are as they were: the accepted complaint's case, source COMPLAINT
        assertThat(figures.get("facts").asLong()).isEqualTo(1);
        assertThat(figures.at("/bySource/COMPLAINT").asLong()).isEqualTo(1);
        // nothing of a complainant
        assertThat(figures.toString()).doesNotContain("aigerim", "Aigerim", "+7 701", accepted, caseNumber);

        JsonNode everyElection = statistics("auditor", "").get("complaints");
        assertThat(everyElection.get("received").asLong()).isEqualTo(everyElectionBefore.get("received").asLong() + 6);
        assertThat(everyElection.at("/byChannel/HOTLINE").asLong())
                .isEqualTo(everyElectionBefore.at("/byChannel/HOTLINE").asLong() + 1);
        assertThat(everyElection.at("/byStatus/MERGED").asLong())
                .isEqualTo(everyElectionBefore.at("/byStatus/MERGED").asLong() + 1);
        assertThat(everyElection.at("/answerTimes/answeredLate").asLong())
                .isEqualTo(everyElectionBefore.at("/answerTimes/answeredLate").asLong() + 2);

        // the date range bounds the day of the act, as for the cases
        JsonNode fromThe25th = statistics("auditor", "?electionId=" + election.id() + "&from=2026-03-25")
                .get("complaints");
        assertThat(fromThe25th.get("received").asLong()).isEqualTo(5);
        assertThat(fromThe25th.at("/byStatus/RECEIVED").asLong()).isEqualTo(1);
        assertThat(fromThe25th.at("/byRegion/astana").asLong()).isEqualTo(2);
        JsonNode untilThe25th = statistics("auditor", "?electionId=" + election.id() + "&to=2026-03-25")
                .get("complaints");
        assertThat(untilThe25th.get("received").asLong()).isEqualTo(1);
        assertThat(untilThe25th.at("/answerTimes/answered").asLong()).isZero();
        assertThat(untilThe25th.at("/answerTimes/medianHours").isNull()).isTrue();

        // the same for each reader of the statistics; a district commission reads none
        for (String user : List.of("prosecutor", "cec", "demo")) {
            assertThat(statistics(user, "?electionId=" + election.id()).get("complaints")).as(user).isEqualTo(complaints);
        }
        assertThat(http.get("commission1", "/api/statistics?electionId=" + election.id()).status()).isEqualTo(403);

        Answer csv = http.get("cec", "/api/statistics.csv?electionId=" + election.id());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("figure,key,value\r\nfacts,,1\r\n").contains("\r\nbySource,COMPLAINT,1\r\n");
        List<String> rows = List.of(csv.text().split("\r\n"));
        assertThat(rows.subList(rows.indexOf("abbreviated,,0") + 1, rows.size())).containsExactly(
                "complaints,received,6",
                "complaints,anonymous,1",
                "complaints.byStatus,RECEIVED,2",
                "complaints.byStatus,ACCEPTED,1",
                "complaints.byStatus,MERGED,1",
                "complaints.byStatus,REJECTED,2",
                "complaints.byChannel,PUBLIC,3",
                "complaints.byChannel,HOTLINE,1",
                "complaints.byChannel,MEDIA_MONITORING,1",
                "complaints.byChannel,CEC_REFERRAL,1",
                "complaints.byRegion,almaty,3",
                "complaints.byRegion,astana,3",
                "complaints.answerTimes,answered,4",
                "complaints.answerTimes,medianHours,87.0",
                "complaints.answerTimes,p90Hours,160.8",
                "complaints.answerTimes,answeredOnTime,2",
                "complaints.answerTimes,answeredLate,2",
                "complaints.answerTimes,openPastTerm,1");

        // the regions' scope is one argument: Astana's complaints alone
        Statistics astana = statisticsService.statistics(CaseFilter.of(election.id(), null, null, null, null, null,
                null, null), Set.of("astana"));
        assertThat(astana.complaints().received()).isEqualTo(3);
        assertThat(astana.complaints().byRegion()).containsOnlyKeys("astana");
        assertThat(astana.complaints().answerTimes().answered()).isEqualTo(1);
        assertThat(astana.complaints().answerTimes().medianHours()).isEqualByComparingTo("168.0");
        assertThat(astana.complaints().answerTimes().openPastTerm()).isEqualTo(1);
        assertThat(statisticsService.statistics(CaseFilter.of(election.id(), null, null, null, null, null, null, null),
                Set.of()).complaints().received()).isZero();
    }

    @Test
    void anOpenComplaintPassesItsTermAsTheEngineClockMoves() {
        String open = received(complaint(election, "almaty", YESTERDAY), null);
        Instant due = Instant.parse(complaints.get("prosecutor", "/api/complaints/" + open, Map.of()).body()
                .get("answerDueAt").asText());
        assertThat(due).isEqualTo(NOW.plus(Duration.ofDays(5)));

        setClock(due);
        assertThat(statistics("auditor", "?electionId=" + election.id()).at("/complaints/answerTimes/openPastTerm")
                .asLong()).as("due now: not yet past").isZero();
        setClock(due.plusSeconds(1));
        assertThat(statistics("auditor", "?electionId=" + election.id()).at("/complaints/answerTimes/openPastTerm")
                .asLong()).isEqualTo(1);

        // answered after its term: no longer open, late; exactly at its term would have been on time
        triage(ALMATY_PROSECUTOR, open, Map.of("triageDecision", "REJECT", "reason", "Not an election-law matter"));
        JsonNode times = statistics("auditor", "?electionId=" + election.id()).at("/complaints/answerTimes");
        assertThat(times.get("openPastTerm").asLong()).isZero();
        assertThat(times.get("answeredLate").asLong()).isEqualTo(1);
        assertThat(times.get("answeredOnTime").asLong()).isZero();
        assertThat(times.get("medianHours").decimalValue()).isEqualByComparingTo("120.0");
        assertThat(times.get("p90Hours").decimalValue()).isEqualByComparingTo("120.0");

        String onTheDot = received(complaint(election, "almaty", YESTERDAY), null);
        setClock(due.plusSeconds(1).plus(Duration.ofDays(5)));
        triage(ALMATY_PROSECUTOR, onTheDot, Map.of("triageDecision", "REJECT", "reason", "Answered at the term"));
        assertThat(statistics("auditor", "?electionId=" + election.id()).at("/complaints/answerTimes/answeredOnTime")
                .asLong()).isEqualTo(1);
    }
}
