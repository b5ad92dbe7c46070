package kz.elections.violations.sanctions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue, MCI rates and holidays over the project API. */
class SanctionsApiTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;
    String electionId;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
        electionId = election(LocalDate.now(ZoneId.of("Asia/Almaty")).plusDays(40).toString(), "Asia/Almaty").id();
    }

    private Answer register(String code, String article, String part, String iin) {
        Map<String, Object> offender = new HashMap<>(Map.of("kind", "CITIZEN", "name", "A. Citizen", "iin", iin));
        Map<String, Object> fact = new HashMap<>(Map.of("electionId", electionId, "region", "Karaganda",
                "committedOn", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1).toString(), "place", "Market",
                "offender", offender, "code", code, "article", article, "source", "COMPLAINT",
                "description", "Posters torn"));
        if (part != null) {
            fact.put("part", part);
        }
        return http.post("prosecutor", "/api/cases", fact);
    }

    @Test
    void unknownArticlesAndPartsAreRefusedAtIntake() {
        assertThat(register("CAO", "999", null, TestIins.next()).body().get("errors").toString())
                .contains("\"article\"", "CAO article 999 is not in the offence catalogue");
        assertThat(register("CAO", "122", "7", TestIins.next()).body().get("errors").toString())
                .contains("\"part\"", "has no part 7");
        assertThat(register("CC", "102", null, TestIins.next()).status()).isEqualTo(400);
        assertThat(register("CAO", "112", "5", TestIins.next()).status()).isEqualTo(201);
        assertThat(register("CC", "150", null, TestIins.next()).status()).isEqualTo(201);
    }

    @Test
    void aDuplicateIsReportedAtIntake() {
        String iin = TestIins.next();
        String first = register("CAO", "114", null, iin).body().get("caseNumber").asText();
        Answer second = register("CAO", "114", null, iin);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("possibleDuplicates").get(0).asText()).isEqualTo(first);
    }

    @Test
    void adminsKeepTheMciTableAndTheHolidays() {
        assertThat(http.get("auditor", "/api/mci-rates").body().findValuesAsText("year")).contains("2023", "2026");
        assertThat(http.put("prosecutor", "/api/mci-rates/2027", Map.of("tenge", 4500)).status()).isEqualTo(403);
        assertThat(http.put("demo", "/api/mci-rates/2027", Map.of("tenge", "a lot")).body().get("errors").toString())
                .contains("tenge");
        assertThat(http.put("demo", "/api/mci-rates/2027", Map.of("tenge", 4500)).status()).isEqualTo(200);
        assertThat(http.get("auditor", "/api/mci-rates").body().findValuesAsText("year")).contains("2027");

        assertThat(http.put("demo", "/api/calendar/holidays/2027-01-04", Map.of("name", "Day off moved")).status())
                .isEqualTo(200);
        assertThat(http.get("prosecutor", "/api/calendar/holidays").text()).contains("2027-01-04", "Nauryz");
        assertThat(http.put("cec", "/api/calendar/holidays/2027-01-05", Map.of("name", "x")).status()).isEqualTo(403);
    }
}
