package kz.elections.violations.demo;

import static org.assertj.core.api.Assertions.assertThat;

import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A fresh demo database: health is UP while the 2023 briefing still plays in the background, and a read
 * of the project API at that moment answers with the whole briefing, not a start without it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:briefing-read-wait;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE")
@ActiveProfiles({"demo", "test"})
class BriefingReadWaitTest {

    @LocalServerPort
    int port;

    @Test
    void aReadWhileTheBriefingPlaysWaitsForAllOfIt() {
        HttpApi http = new HttpApi(port);
        HttpApi.Answer health = http.get(null, "/actuator/health");
        assertThat(health.text()).contains("\"status\":\"UP\"");

        HttpApi.Answer statistics = http.get("auditor", "/api/statistics?electionId=mazhilis-2023");

        assertThat(statistics.status()).as(statistics.text()).isEqualTo(200);
        assertThat(statistics.body().get("facts").asLong()).isEqualTo(23);
        assertThat(http.get("auditor", "/api/statistics?electionId=maslikhats-2023").body().get("facts").asLong())
                .isEqualTo(11);
    }
}
