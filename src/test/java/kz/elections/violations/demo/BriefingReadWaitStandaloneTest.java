package kz.elections.violations.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh demo database: health is UP while the 2023 briefing still plays in the background; a read of
 * another election is answered at once, and a read of the briefing's figures answers with the whole
 * briefing, not a start without it.
 */
class BriefingReadWaitStandaloneTest {

    @TempDir
    Path data;

    @Test
    void aReadWhileTheBriefingPlaysWaitsForAllOfIt() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0")) {
            HttpApi http = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            assertThat(http.get(null, "/actuator/health").text()).contains("\"status\":\"UP\"");
            // a read of another election does not wait for the briefing
            HttpApi.Answer demoElection = http.get("auditor", "/api/elections/" + DemoData.DEMO_ELECTION_ID);
            assertThat(demoElection.status()).as(demoElection.text()).isEqualTo(200);
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(java.time.Duration.ZERO))
                    .as("the briefing still plays while another election is read").isFalse();

            HttpApi.Answer mazhilis = http.get("auditor", "/api/statistics?electionId=mazhilis-2023");

            assertThat(mazhilis.status()).as(mazhilis.text()).isEqualTo(200);
            assertThat(mazhilis.body().get("facts").asLong()).isEqualTo(23);
            assertThat(http.get("auditor", "/api/statistics?electionId=maslikhats-2023").body().get("facts").asLong())
                    .isEqualTo(11);
        }
    }
}
