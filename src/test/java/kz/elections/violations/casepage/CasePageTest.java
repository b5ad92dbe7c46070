package kz.elections.violations.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case page {@code /cases/{caseNumber}} and the auditors' pages over HTTP: the page, its scripts and
 * dictionaries load with their content types under the application's Content-Security-Policy, and the
 * API the page reads answers the case's prosecutor and commission and nobody else.
 */
class CasePageTest extends CaseTestSupport {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");

    @LocalServerPort
    int port;
    HttpApi http;
    String caseNumber;

    @BeforeEach
    void aCandidatesCaseOfDistrictOne() {
        http = new HttpApi(port);
        Answer election = http.post("demo", "/api/elections", Map.of("name", "Case page test " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", "2023-03-19", "timeZone", "Asia/Almaty"));
        setClock("2023-03-01T10:00", "Asia/Almaty");
        Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId", election.body().get("id").asText(),
                "region", "Almaty", "committedOn", "2023-02-27", "place", "Abai avenue",
                "offender", Map.of("kind", "CANDIDATE", "name", "A. Candidate", "iin", TestIins.next(),
                        "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Campaigning in a prohibited period"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        caseNumber = created.body().get("caseNumber").asText();
    }

    @Test
    void theCasePageIsServedToTheCasesProsecutorAndCommission() {
        for (String user : List.of("prosecutor", "commission1")) {
            Answer page = http.get(user, "/cases/" + caseNumber);
            assertThat(page.status()).as(user).isEqualTo(200);
            assertThat(page.header("Content-Type")).as(user).startsWith("text/html");
            assertThat(page.text()).contains("/shared/i18n.js", "/shared/api.js", "/case/case.js", "id=\"language\"")
                    .doesNotContain("/audit/", "statistics");
            Answer data = http.get(user, "/api/cases/" + caseNumber);
            assertThat(data.status()).as(user).isEqualTo(200);
            assertThat(data.body().get("caseNumber").asText()).isEqualTo(caseNumber);
        }
    }

    @Test
    void theFormsShowTheOffenceInKazakhAndRussianAndThePageInItsLanguage() {
        Answer tasks = http.get("prosecutor", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                + "&taskDefinitionKey=Task_CheckFact");
        assertThat(tasks.body()).as(tasks.text()).hasSize(1);
        Answer shown = http.get("prosecutor", "/engine-rest/task/" + tasks.body().get(0).get("id").asText()
                + "/form-variables");
        assertThat(shown.status()).as(shown.text()).isEqualTo(200);
        assertThat(shown.body().at("/offenceTitle/value").asText())
                .isEqualTo("Тыйым салынған кезеңдегі үгіт / Агитация в запрещённый период")
                .doesNotContainPattern("[A-Za-z]");

        Answer view = http.get("prosecutor", "/api/cases/" + caseNumber);
        assertThat(view.body().get("offenceTitle").get("kk").asText()).isEqualTo("Тыйым салынған кезеңдегі үгіт");
        assertThat(view.body().get("offenceTitle").get("ru").asText()).isEqualTo("Агитация в запрещённый период");
        assertThat(view.body().get("offenceTitle").get("en").asText()).isEqualTo("Campaigning in a prohibited period");
        assertThat(http.get(null, "/case/case.js").text()).contains("I18n.offenceTitle(view.offenceTitle",
                "I18n.registrationReason(view.registrationReasonCode");
    }

    @Test
    void anotherDistrictsCommissionGetsNoCaseForThePageToShow() {
        assertThat(http.get("commission2", "/cases/" + caseNumber).status()).isEqualTo(200);
        assertThat(http.get("commission2", "/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(http.get("commission2", "/api/cases/" + caseNumber + "/history").status()).isEqualTo(404);
        // the page words a 404 itself, in each language
        assertThat(http.get(null, "/case/case.js").text()).contains("instanceof NotFound", "case.notFound");
    }

    @Test
    void thePagesScriptsStylesAndDictionariesLoadWithTheirTypes() {
        Map<String, String> types = Map.ofEntries(
                Map.entry("/case/case.js", "javascript"),
                Map.entry("/shared/i18n.js", "javascript"),
                Map.entry("/shared/api.js", "javascript"),
                Map.entry("/shared/pages.css", "text/css"),
                Map.entry("/i18n/kk.json", "application/json"),
                Map.entry("/i18n/ru.json", "application/json"),
                Map.entry("/i18n/en.json", "application/json"),
                Map.entry("/audit/timeline.html", "text/html"),
                Map.entry("/audit/timeline.js", "javascript"),
                Map.entry("/audit/cases.js", "javascript"),
                Map.entry("/audit/statistics.js", "javascript"),
                Map.entry("/audit/audit.css", "text/css"));
        types.forEach((path, type) -> {
            Answer answer = http.get(null, path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(path).contains(type);
        });
        assertThat(http.get(null, "/i18n/kk.json").body().get("case.deadlines").asText()).isEqualTo("Мерзімдер");
    }

    @Test
    void thePagesRunOnlyScriptFilesUnderTheApplicationsPolicy() {
        for (String path : List.of("/cases/" + caseNumber, "/audit/", "/audit/timeline.html?case=" + caseNumber,
                "/audit/statistics.html")) {
            Answer page = http.get("prosecutor", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self';");
            assertThat(INLINE_SCRIPT.matcher(page.text()).find()).as(path + " has an inline script").isFalse();
            assertThat(page.text()).as(path).doesNotContain("style=\"", "onclick", "innerHTML");
        }
    }

    @Test
    void noScriptOfThePagesPutsDataIntoTheDomAsMarkup() {
        for (String path : List.of("/case/case.js", "/shared/i18n.js", "/shared/api.js", "/audit/audit.js",
                "/audit/cases.js", "/audit/timeline.js", "/audit/statistics.js")) {
            assertThat(http.get(null, path).text()).as(path)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }
}
