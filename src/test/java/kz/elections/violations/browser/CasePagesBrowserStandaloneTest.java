package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case page and the auditors' pages in a real browser (Debian chromium, headless): a commission
 * member whose browser asks for Kazakh reads the case in Kazakh with dd.MM.yyyy dates and the election's
 * times, switches to Russian, another district's member is told the case is not theirs, and an auditor
 * reads the timeline folded and unfolded and the labelled charts.
 */
@Tag("browser")
class CasePagesBrowserStandaloneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @TempDir
    Path data;

    @Test
    void aCaseReadInKazakhAndRussianAndItsTimelineAsABriefing() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("pages") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            LocalDate today = LocalDate.now(ALMATY);
            LocalDate votingDay = today.plusDays(30);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (case page)",
                    "MAZHILIS", votingDay.toString(), "Asia/Almaty"));
            HttpApi api = new HttpApi(port);
            HttpApi.Answer registered = api.post("prosecutor", "/api/cases", Map.of("electionId", election.id(),
                    "region", "Almaty", "committedOn", today.minusDays(2).toString(), "place", "Abai avenue 10",
                    "offender", Map.of("kind", "CANDIDATE", "name", "Aidos Candidate", "iin", TestIins.next(),
                            "districtCommission", "1"),
                    "article", "102", "source", "COMPLAINT", "description", "Leaflets <b>before</b> the deadline"));
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
            String caseNumber = registered.body().get("caseNumber").asText();
            String instance = registered.body().get("processInstanceId").asText();
            HttpApi.Answer check = api.get("prosecutor", "/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=Task_CheckFact");
            HttpApi.Answer checked = api.post("prosecutor", "/engine-rest/task/" + check.body().get(0).get("id").asText()
                    + "/complete", Map.of("variables", Map.of("factConfirmed", Map.of("value", true))));
            assertThat(checked.status()).as(checked.text()).isEqualTo(204);

            try (Browser browser = new Browser(port, "kk")) {
                // the district commission's member, in Kazakh
                browser.logIn("commission1");
                browser.open("/cases/" + caseNumber);
                browser.waitForText("№ " + caseNumber + " іс");
                browser.waitForText("Фактіні тексеру");
                String kazakh = browser.pageText();
                assertThat(kazakh).contains("Істің жай-күйі", "ашық", "Әрі қарай не болады",
                        "Жауапқа тартуға келісім туралы шешім қабылдау", "Орталық сайлау комиссиясы", "Мерзімдер",
                        "Осы сайлауда тіркеуді өзгертуге тыйымның басталуы",
                        votingDay.minusDays(2).format(DAY) + " 00:00", today.minusDays(2).format(DAY),
                        "кандидат", "Aidos Candidate", "№ 1 округтік сайлау комиссиясы", "102-бап",
                        "шағым", "факт расталды", "prosecutor",
                        "Leaflets <b>before</b> the deadline", "Байланысты істер мен қайталамалар жоқ.")
                        .doesNotContain("Check the fact", "CONFIRMED", "OPEN", "CANDIDATE", "COMPLAINT", "Task_", "/audit/");
                assertThat(browser.script("return document.documentElement.lang")).isEqualTo("kk");
                assertThat(browser.script("return document.querySelectorAll('b').length")).isEqualTo(0L);
                browser.screenshot("case-page-kk");

                // the switch on the page: Russian
                browser.script("const s = document.getElementById('language'); s.value = 'ru';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("Дело " + caseNumber);
                browser.waitForText("Проверить факт");
                assertThat(browser.pageText()).contains("Состояние дела", "открыто",
                        "Решить вопрос о согласии на привлечение", "Центральная избирательная комиссия",
                        "окружная избирательная комиссия № 1", "Статья 102", "жалоба", "факт подтверждён",
                        votingDay.minusDays(2).format(DAY) + " 00:00")
                        .doesNotContain("Фактіні тексеру");
                browser.screenshot("case-page-ru");

                // another district's member: not theirs
                browser.logIn("commission2");
                browser.open("/cases/" + caseNumber);
                browser.waitForText("Дело " + caseNumber + " не найдено или не относится к вашим делам.");
                assertThat(browser.pageText()).doesNotContain("Aidos Candidate");

                // the auditor's timeline, in English: technical rows folded until the switch
                browser.logIn("auditor");
                browser.open("/audit/?case=" + caseNumber);
                // the choice of Russian stays with this browser
                browser.waitForText("Ход дела " + caseNumber);
                browser.script("const s = document.getElementById('language'); s.value = 'en';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("Timeline of case " + caseNumber);
                browser.waitForText("technical rows are folded away");
                String folded = browser.pageText();
                assertThat(folded).contains("Fact registered", "Check the fact", "task completed", "prosecutor",
                        "fact confirmed: yes", "Decide on consent to prosecute", "process version 1")
                        .doesNotContain("Gateway_", "exclusiveGateway", "STEP_STARTED", "VARIABLE_CHANGED",
                                "offenderIin")
                        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
                long visible = (Long) browser.script("return [...document.querySelectorAll('#entries tr')]"
                        + ".filter(row => row.offsetParent !== null).length");
                long all = (Long) browser.script("return document.querySelectorAll('#entries tr').length");
                assertThat(visible).isPositive().isLessThan(all);
                browser.screenshot("audit-timeline-folded");
                browser.click("#show-all");
                browser.waitForText("Gateway_FactConfirmed");
                assertThat((Long) browser.script("return [...document.querySelectorAll('#entries tr')]"
                        + ".filter(row => row.offsetParent !== null).length")).isEqualTo(all);
                assertThat(browser.pageText()).contains("Gateway_FactConfirmed", "exclusiveGateway", "value recorded");

                // the statistics: every bar with its category in words and its value
                browser.open("/audit/statistics.html?electionId=" + election.id());
                browser.waitForText("registrations kept (freeze)");
                Object labels = browser.script("return ['byArticle', 'byOffenderKind', 'bySource', 'byOutcome']"
                        + ".map(id => document.getElementById(id).getAttribute('aria-label'))");
                assertThat(labels).asList().containsExactly("Article 102: 1", "candidate: 1", "complaint: 1", "open: 1");
                Object bars = browser.script("const chart = Chart.getChart('byArticle');"
                        + " return [chart.data.labels, chart.data.datasets[0].data];");
                assertThat(bars).asList().containsExactly(List.of("Article 102"), List.of(1L));
                browser.screenshot("audit-statistics-labelled");
                assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
            }
        }
    }
}
