package kz.elections.violations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The freeze of one election inside the test JVM (in-memory H2, no HTTP, no job executor: the batch jobs
 * run one after another), for a flight recording of where a withdrawal's time goes:
 * {@code mvn surefire:test@default-test -Dtest=FreezeStormProfile -Dgroups=benchmark -Dbench.excludedGroups=none
 * -DargLine=-XX:StartFlightRecording=filename=target/storm.jfr,settings=profile}. It found the removal
 * time rewrite at each case's end (see {@code historyRemovalTimeStrategy} in application.yaml).
 */
@Tag("benchmark")
class FreezeStormProfile extends CaseTestSupport {

    @Test
    void profile() {
        int cases = Integer.getInteger("profile.cases", 2000);
        setClock("2023-03-01T10:00", "Asia/Almaty");
        Election election = election("2023-03-19", "Asia/Almaty");
        for (int i = 0; i < cases; i++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("electionId", election.id());
            variables.put("caseNumber", "P-" + i);
            variables.put("offenderKind", "CANDIDATE");
            variables.put("offenderName", "Candidate " + i);
            variables.put("districtCommission", "1");
            variables.put("code", "CAO");
            variables.put("article", "102");
            variables.put("caseStatus", "OPEN");
            variables.put("registration", "REGISTERED");
            runtimeService.createProcessInstanceByKey("ViolationCase").businessKey("P-" + i)
                    .startBeforeActivity("Task_CancelRegistration").setVariables(variables).execute();
        }
        long started = System.nanoTime();
        fireFreeze(election);
        long took = System.nanoTime() - started;
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("EndEvent_CancellationWithdrawnByFreeze").count()).isEqualTo(cases);
        System.out.printf("PROFILE: %d cases withdrawn in %d ms (%.2f ms per case)%n", cases, took / 1_000_000,
                took / 1e6 / cases);
    }
}
