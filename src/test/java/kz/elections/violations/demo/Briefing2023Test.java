package kz.elections.violations.demo;

import kz.elections.violations.demo.Briefing2023;
import kz.elections.violations.demo.BriefingPlayer;
import kz.elections.violations.demo.DemoBriefing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionLevel;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 34 facts of the 2023 briefing, played through the real process into two new elections, and the
 * statistics as the auditors read them over HTTP: exactly the briefing's figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Briefing2023Test extends CaseTestSupport {

    @Autowired
    BriefingPlayer player;
    @LocalServerPort
    int port;

    HttpApi http;
    String mazhilis;
    String maslikhats;

    @BeforeAll
    void playTheBriefing() {
        http = new HttpApi(port);
        Briefing2023 briefing = Briefing2023.load();
        assertThat(briefing.facts()).hasSize(34);
        Map<String, String> ids = new HashMap<>();
        for (Briefing2023.ElectionSpec spec : briefing.elections()) {
            String id = spec.id() + "-test-" + System.nanoTime();
            elections.register(new Election(id, spec.name(), ElectionLevel.valueOf(spec.level()),
                    LocalDate.parse(spec.votingDay()), spec.timeZone()));
            ids.put(spec.key(), id);
        }
        mazhilis = ids.get("mazhilis");
        maslikhats = ids.get("maslikhats");
        List<String> caseNumbers = player.play(briefing.facts(), ids);
        assertThat(caseNumbers).hasSize(34).doesNotHaveDuplicates().allMatch(n -> n.startsWith("2023-"));
    }

    private JsonNode statistics(String electionId) {
        return statistics("auditor", electionId);
    }

    private JsonNode statistics(String user, String electionId) {
        HttpApi.Answer answer = http.get(user, "/api/statistics?electionId=" + electionId);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            counts.put(field.getKey(), field.getValue().asLong());
        }
        return counts;
    }

    @Test
    void mazhilisGivesTheBriefingsTwentyThreeFacts() {
        JsonNode figures = statistics(mazhilis);
        assertThat(figures.get("electionId").asText()).isEqualTo(mazhilis);
        assertThat(figures.get("facts").asLong()).isEqualTo(23);
        assertThat(counts(figures.get("byArticle")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("102", 12L, "122", 1L, "114", 2L, "120", 3L, "113", 5L));
        assertThat(counts(figures.get("byOffenderKind")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CANDIDATE", 8L, "CITIZEN", 11L, "LEGAL_ENTITY", 4L));
        assertThat(counts(figures.get("byRegion"))).containsEntry("Almaty", 6L).containsEntry("Astana", 4L)
                .containsEntry("Karaganda Region", 3L).containsEntry("Akmola Region", 3L)
                .containsEntry("Turkistan Region", 1L);
        assertThat(counts(figures.get("byRegion")).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(23);
        assertThat(counts(figures.get("bySource")).get("SOCIAL_NETWORK")).isEqualTo(6L);
        assertThat(counts(figures.get("byOutcome"))).containsExactlyEntriesOf(Map.of("SANCTION_IMPOSED", 23L));
        // every candidate needs the CEC's consent (DMN CaseFollowUp): six under 102, one under 122, one under 113
        assertThat(figures.at("/consent/requested").asLong()).isEqualTo(8);
        assertThat(figures.at("/consent/granted").asLong()).isEqualTo(8);
        assertThat(figures.at("/consent/refused").asLong()).isZero();
        assertThat(figures.get("registrationsCancelled").asLong()).isEqualTo(7);
        assertThat(figures.get("registrationsKeptDueToFreeze").asLong()).isZero();
        assertThat(figures.at("/fines/count").asLong()).isEqualTo(23);
        assertThat(figures.at("/fines/totalMci").decimalValue()).isEqualByComparingTo("462.5");
        assertThat(figures.at("/fines/totalTenge").asLong()).isEqualTo(1_595_625L);
        assertThat(figures.at("/fines/abbreviated").asLong()).isEqualTo(8);
        assertThat(figures.get("warnings").asLong()).isZero();
        // no IIN or BIN of the election's offenders appears in the statistics
        List<String> identifiers = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .variableNameIn("offenderIin", "offenderBin").list().stream()
                .map(v -> String.valueOf(v.getValue())).toList();
        assertThat(identifiers).hasSizeGreaterThanOrEqualTo(23);
        assertThat(identifiers).noneMatch(figures.toString()::contains);
    }

    @Test
    void theBriefingsRegionsAreRegionsWhoseOfficesReadTheirOwn() {
        // "Akmola region", "Turkestan region" and the others of the briefing name regions: every case has its code
        JsonNode almaty = statistics("prosecutor-almaty", mazhilis);
        assertThat(almaty.get("facts").asLong()).isEqualTo(6);
        assertThat(counts(almaty.get("byRegion"))).containsExactlyEntriesOf(Map.of("Almaty", 6L));
        assertThat(statistics("prosecutor-astana", mazhilis).get("facts").asLong()).isEqualTo(4);
        HttpApi.Answer cases = http.get("prosecutor-astana", "/api/cases?size=500&electionId=" + mazhilis);
        assertThat(cases.body().get("items").findValuesAsText("regionCode")).hasSize(4).containsOnly("astana");
        HttpApi.Answer everyCase = http.get("auditor", "/api/cases?size=500&electionId=" + maslikhats);
        assertThat(everyCase.body().get("items").findValues("regionCode")).hasSize(11)
                .allSatisfy(code -> assertThat(code.isTextual()).isTrue());
    }

    @Test
    void maslikhatsGiveTheBriefingsElevenFacts() {
        JsonNode figures = statistics(maslikhats);
        assertThat(figures.get("facts").asLong()).isEqualTo(11);
        assertThat(counts(figures.get("byArticle")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("114", 6L, "103", 1L, "122", 2L, "113", 1L, "112", 1L));
        assertThat(counts(figures.get("byOffenderKind"))).containsExactlyInAnyOrderEntriesOf(Map.of("CITIZEN", 7L,
                "COMMISSION_CHAIR", 1L, "COMMISSION_MEMBER", 1L, "CANDIDATE", 1L, "MEDIA_OWNER", 1L));
        assertThat(counts(figures.get("byRegion"))).containsEntry("Almaty", 2L).containsEntry("Karaganda Region", 2L)
                .containsEntry("North Kazakhstan Region", 1L).containsEntry("Atyrau Region", 1L);
        assertThat(counts(figures.get("byOutcome"))).containsExactlyEntriesOf(Map.of("SANCTION_IMPOSED", 11L));
        assertThat(figures.at("/consent/requested").asLong()).isEqualTo(1);
        assertThat(figures.at("/consent/granted").asLong()).isEqualTo(1);
        assertThat(figures.get("registrationsCancelled").asLong()).isZero();
        assertThat(figures.at("/fines/count").asLong()).isEqualTo(11);
        assertThat(figures.at("/fines/totalMci").decimalValue()).isEqualByComparingTo("197.5");
        assertThat(figures.at("/fines/totalTenge").asLong()).isEqualTo(681_375L);
        assertThat(figures.at("/fines/abbreviated").asLong()).isEqualTo(8);
    }

    @Test
    void bothElectionsTogetherAndADateRange() {
        JsonNode all = http.get("cec", "/api/statistics").body();
        assertThat(all.at("/byElection/" + mazhilis).asLong()).isEqualTo(23);
        assertThat(all.at("/byElection/" + maslikhats).asLong()).isEqualTo(11);
        // the polls of 14 and 15 March only
        JsonNode polls = http.get("prosecutor", "/api/statistics?electionId=" + mazhilis
                + "&from=2023-03-14&to=2023-03-15").body();
        assertThat(polls.get("facts").asLong()).isEqualTo(3);
        assertThat(counts(polls.get("byArticle"))).containsExactlyEntriesOf(Map.of("120", 3L));
    }

    @Test
    void theDemoProfilePlayedTheBriefingOnceIntoItsOwnElections(@Autowired DemoBriefing demo) {
        JsonNode figures = statistics("mazhilis-2023");
        assertThat(figures.get("facts").asLong()).isEqualTo(23);
        assertThat(figures.get("registrationsCancelled").asLong()).isEqualTo(7);
        assertThat(statistics("maslikhats-2023").get("facts").asLong()).isEqualTo(11);
        // a second start finds the elections and plays nothing
        assertThat(demo.load()).isFalse();
        assertThat(statistics("mazhilis-2023").get("facts").asLong()).isEqualTo(23);
        assertThat(http.get(null, "/actuator/health").body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theReportingTableAgreesWithTheEnginesHistory() {
        // the same figures computed from the engine's history of each case, independently of case_report
        List<String> ids = processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processDefinitionKey("ViolationCase").variableValueEquals("electionId", mazhilis).list().stream()
                .map(v -> v.getProcessInstanceId()).distinct().toList();
        assertThat(ids).hasSize(23);
        long cancelled = ids.stream().filter(id -> "CANCELLED".equals(processEngine.getHistoryService()
                .createHistoricVariableInstanceQuery().processInstanceId(id).variableName("registration")
                .singleResult() == null ? null : processEngine.getHistoryService()
                .createHistoricVariableInstanceQuery().processInstanceId(id).variableName("registration")
                .singleResult().getValue())).count();
        assertThat(cancelled).isEqualTo(7);
        long consents = processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("Task_DecideConsent").list().stream().filter(a -> ids.contains(a.getProcessInstanceId()))
                .count();
        assertThat(consents).isEqualTo(8);
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceIds(new java.util.HashSet<>(ids)).unfinished().count()).isZero();
    }
}
