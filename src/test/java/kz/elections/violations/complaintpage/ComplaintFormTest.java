package kz.elections.violations.complaintpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.election.Election;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public complaint page and what it reads without a login. */
class ComplaintFormTest extends CaseTestSupport {

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsTheElectionsOfTheLastSixtyDaysAndLaterAndTheRegions() {
        setClock("2023-03-01T10:00", "Asia/Almaty");
        Election current = election("2023-03-19", "Asia/Almaty");
        Election recent = election("2023-01-15", "Asia/Almaty");
        Election old = election("2022-12-01", "Asia/Almaty");
        HttpApi.Answer form = new HttpApi(port).get(null, "/api/complaints/form");
        assertThat(form.status()).isEqualTo(200);
        List<String> offered = new ArrayList<>();
        for (JsonNode election : form.body().get("elections")) {
            offered.add(election.get("id").asText());
            assertThat(election.has("level")).isFalse();
        }
        assertThat(offered).contains(current.id(), recent.id()).doesNotContain(old.id());
        assertThat(form.body().get("regions")).hasSize(20);
        assertThat(form.body().get("anonymousConsidered").isBoolean()).isTrue();
    }

    @Test
    void thePagesAreServedWithoutALoginAndWithoutInlineScript() {
        HttpApi http = new HttpApi(port);
        for (String page : List.of("/complaint/", "/complaint/status.html")) {
            HttpApi.Answer answer = http.get(null, page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.header("Content-Security-Policy")).as(page).contains("default-src");
            assertThat(answer.text()).contains("name=\"viewport\"").doesNotContain("<script>")
                    .doesNotContain("onclick=").doesNotContain("style=\"");
        }
        assertThat(http.get(null, "/complaint/complaint.js").status()).isEqualTo(200);
    }
}
