package kz.elections.violations.regionaloffices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upgrade of cases registered before regions were data: a running case without {@code regionCode} gets it
 * from its region's text, its open prosecutors' task its regional office, the reporting table the code, so
 * that the office reads and works it; an ended case's row gets its code; a region that names none stays the
 * General Prosecutor's Office's alone; a second run changes nothing.
 */
class RegionCodeBackfillTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @LocalServerPort
    int port;
    @Autowired
    RegionCodeBackfill backfill;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthorizationService authorizationService;
    HttpApi http;
    Election election;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        election = election(LocalDate.now(ALMATY).plusDays(40).toString(), "Asia/Almaty");
    }

    private Answer registered(String region) {
        Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId", election.id(), "region", region,
                "committedOn", LocalDate.now(ALMATY).minusDays(1).toString(), "place", "Square",
                "offender", Map.of("kind", "CITIZEN", "name", "A. Citizen", "iin", TestIins.next()),
                "article", "114", "source", "MONITORING", "description", "Posters torn down"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    /** What a case registered before regions were data looks like: its region as typed, no code, no office. */
    private void asBeforeRegions(String processInstanceId, String typedRegion) {
        runtimeService.setVariable(processInstanceId, "region", typedRegion);
        runtimeService.removeVariable(processInstanceId, "regionCode");
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (link.getGroupId() != null && link.getGroupId().startsWith("prosecutors-")) {
                    taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
                    // the engine keeps a removed candidate's per-task grant; an earlier case never had one
                    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                            .resourceId(task.getId()).groupIdIn(link.getGroupId()).list()
                            .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
                }
            }
        }
        jdbc.update("update case_report set region_code = null where process_instance_id = ?", processInstanceId);
    }

    private List<String> candidateGroups(String processInstanceId) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private String regionCodeInReport(String processInstanceId) {
        return jdbc.queryForObject("select region_code from case_report where process_instance_id = ?", String.class,
                processInstanceId);
    }

    private long regionCodeUpdates(String processInstanceId) {
        return historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
                .stream().filter(detail -> "regionCode".equals(
                        ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())).count();
    }

    @Test
    void anEarlierCaseGetsItsRegionCodeAndItsOfficeWhichThenReadsAndWorksIt() {
        Answer running = registered("Almaty");
        String runningId = running.body().get("processInstanceId").asText();
        String runningNumber = running.body().get("caseNumber").asText();
        asBeforeRegions(runningId, "г. Алматы");

        Answer ended = registered("Karaganda");
        String endedId = ended.body().get("processInstanceId").asText();
        String endedNumber = ended.body().get("caseNumber").asText();
        asBeforeRegions(endedId, "Karaganda region");
        Task check = taskService.createTaskQuery().processInstanceId(endedId).singleResult();
        taskService.complete(check.getId(), Map.of("factConfirmed", false, "reason", "No posters were torn"));
        assertThat(regionCodeInReport(endedId)).isNull();

        Answer nowhere = registered("Astana");
        String nowhereId = nowhere.body().get("processInstanceId").asText();
        String nowhereNumber = nowhere.body().get("caseNumber").asText();
        asBeforeRegions(nowhereId, "Medeu district");

        assertThat(http.get("prosecutor-almaty", "/api/cases/" + runningNumber).status()).isEqualTo(404);
        assertThat(http.get("prosecutor-almaty", "/engine-rest/task?processInstanceId=" + runningId).body()).isEmpty();
        assertThat(candidateGroups(runningId)).containsExactly("prosecutors");

        RegionCodeBackfill.Result first = backfill.backfill();
        assertThat(first.cases()).isGreaterThanOrEqualTo(1);
        assertThat(first.tasks()).isGreaterThanOrEqualTo(1);
        assertThat(first.reportRows()).isGreaterThanOrEqualTo(1);

        assertThat(runtimeService.getVariable(runningId, "regionCode")).isEqualTo("almaty");
        assertThat(runtimeService.getVariable(runningId, "region")).as("the text as registered").isEqualTo("г. Алматы");
        assertThat(candidateGroups(runningId)).containsExactlyInAnyOrder("prosecutors", "prosecutors-almaty");
        assertThat(regionCodeInReport(runningId)).isEqualTo("almaty");
        assertThat(regionCodeInReport(endedId)).isEqualTo("karaganda");
        assertThat(regionCodeInReport(nowhereId)).isNull();
        assertThat(runtimeService.getVariable(nowhereId, "regionCode")).isNull();
        assertThat(candidateGroups(nowhereId)).containsExactly("prosecutors");

        // the regional office reads and works its earlier case; the ended one is Karaganda's; the unknown region nobody's but the General Office's
        assertThat(http.get("prosecutor-almaty", "/api/cases/" + runningNumber).status()).isEqualTo(200);
        assertThat(http.get("prosecutor-almaty", "/api/cases?electionId=" + election.id()).body()
                .get("items").findValuesAsText("caseNumber")).containsExactly(runningNumber);
        String task = http.get("prosecutor-almaty", "/engine-rest/task?processInstanceId=" + runningId).body()
                .get(0).get("id").asText();
        Map<String, Object> variables = new HashMap<>();
        variables.put("factConfirmed", Map.of("value", true));
        assertThat(http.post("prosecutor-almaty", "/engine-rest/task/" + task + "/complete",
                Map.of("variables", variables)).status()).isEqualTo(204);
        assertThat(http.get("prosecutor-almaty", "/api/cases/" + endedNumber).status()).isEqualTo(404);
        assertThat(http.get("prosecutor-astana", "/api/cases/" + nowhereNumber).status()).isEqualTo(404);
        assertThat(http.get("prosecutor", "/api/cases/" + nowhereNumber).status()).isEqualTo(200);
        Answer endedCase = http.get("prosecutor", "/api/cases/" + endedNumber);
        assertThat(endedCase.status()).isEqualTo(200);
        assertThat(endedCase.body().get("regionCode").asText()).as("from the reporting table").isEqualTo("karaganda");

        // once is enough: a second run changes nothing of these cases
        long updates = regionCodeUpdates(runningId);
        backfill.backfill();
        assertThat(regionCodeUpdates(runningId)).isEqualTo(updates);
        assertThat(candidateGroups(nowhereId)).containsExactly("prosecutors");
        assertThat(regionCodeInReport(nowhereId)).isNull();
    }
}
