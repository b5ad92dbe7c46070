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
import kz.elections.violations.support.CaseSteps;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The case page and the auditors' pages in a real browser (Debian chromium, headless): a commission
 * member whose browser asks for Kazakh reads the case in Kazakh with dd.MM.yyyy dates and the election's
 * times, switches to Russian, another district's member is told the case is not theirs, and an auditor
 * reads the timeline folded and unfolded and the labelled charts, the complaints' among them with the
 * region's name in English and Kazakh.
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
                        "шағым", "факт расталды: иә", "prosecutor",
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
                        "окружная избирательная комиссия № 1", "Статья 102", "жалоба", "факт подтверждён: да",
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

                // the complaints' section: a complaint from the public page, its region by its name in English
                HttpApi.Answer complaint = api.post(null, "/api/complaints", Map.of("electionId", election.id(),
                        "region", "astana", "committedOn", today.minusDays(1).toString(), "place", "Polling station 5",
                        "description", "Posters torn down at the polling station"));
                assertThat(complaint.status()).as(complaint.text()).isEqualTo(201);
                browser.open("/audit/statistics.html?electionId=" + election.id());
                browser.waitForText("complaints received");
                Object complaintBars = browser.script("return ['complaintsByStatus', 'complaintsByChannel',"
                        + " 'complaintsByRegion', 'complaintsAgainstTerm']"
                        + ".map(id => document.getElementById(id).getAttribute('aria-label'))");
                assertThat(complaintBars).asList().containsExactly(
                        "awaiting triage: 1; accepted: a case opened: 0; joined to a case: 0; rejected: 0",
                        "public page and API: 1; hotline: 0; media monitoring: 0; referred by the CEC: 0",
                        "Astana: 1",
                        "answered within the term: 0; answered after the term: 0; unanswered, past the term: 0");
                assertThat((String) browser.script("return document.getElementById('complaintFigures').innerText"))
                        .contains("complaints received", "anonymous", "median time to an answer", "—");
                browser.script("document.getElementById('complaints').scrollIntoView()");
                browser.screenshot("audit-statistics-complaints");
                browser.script("const s = document.getElementById('language'); s.value = 'kk';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("түскен шағымдар");
                assertThat((String) browser.script("return document.getElementById('complaintsByRegion')"
                        + ".getAttribute('aria-label')")).isEqualTo("Астана: 1");
                browser.script("const s = document.getElementById('language'); s.value = 'en';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("complaints received");

                // a case whose open cancellation the freeze withdrew: the reason in the reader's language
                String kept = caseWithdrawnByTheFreeze(app, api, today);
                String freezeBegan = today.minusDays(1).format(DAY) + " 00:00";
                browser.logIn("commission1");
                browser.open("/cases/" + kept);
                browser.waitForText("Case " + kept);
                browser.script("const s = document.getElementById('language'); s.value = 'kk';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("№ " + kept + " іс");
                browser.waitForText("Тыйым салынған кезеңдегі үгіт");
                assertThat(browser.pageText()).contains("Тіркеуді өзгертуге тыйым " + freezeBegan
                        + " басталғанда аяқталмаған тіркеуді жою тапсырмасы алынып тасталды", "Тыйым салынған кезеңдегі үгіт")
                        .doesNotContain("withdrawn", "Asia/Almaty", "Campaigning");
                browser.script("const s = document.getElementById('language'); s.value = 'ru';"
                        + " s.dispatchEvent(new Event('change'));");
                browser.waitForText("Дело " + kept);
                browser.waitForText("Агитация в запрещённый период");
                browser.waitForText("Незавершённая отмена регистрации снята, когда " + freezeBegan);
                assertThat(browser.pageText()).contains("Незавершённая отмена регистрации снята, когда " + freezeBegan
                        + " начался запрет на изменение регистрации", "Агитация в запрещённый период")
                        .doesNotContain("withdrawn", "Asia/Almaty", "Campaigning");
                browser.logIn("auditor");
                browser.open("/audit/?case=" + kept);
                browser.waitForText("Ход дела " + kept);
                browser.waitForText("Незавершённая отмена регистрации");
                assertThat(browser.pageText()).contains("Незавершённая отмена регистрации снята, когда " + freezeBegan)
                        .doesNotContain("withdrawn when");
                assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
            }
        }
    }

    /**
     * A candidate's case of a second election at Task_CancelRegistration when the voting day is brought
     * forward to tomorrow: the freeze (D-2 00:00, yesterday) has begun and withdraws the task.
     */
    private static String caseWithdrawnByTheFreeze(ConfigurableApplicationContext app, HttpApi api, LocalDate today) {
        Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (freeze page)",
                "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));
        HttpApi.Answer registered = api.post("prosecutor", "/api/cases", Map.of("electionId", election.id(),
                "region", "Almaty", "committedOn", today.minusDays(1).toString(), "place", "Dostyk avenue 5",
                "offender", Map.of("kind", "CANDIDATE", "name", "Bolat Candidate", "iin", TestIins.next(),
                        "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Posters on a school"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String caseNumber = registered.body().get("caseNumber").asText();
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        CaseSteps.step(engine, caseNumber, "check");
        CaseSteps.step(engine, caseNumber, "consent");
        String instance = registered.body().get("processInstanceId").asText();
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .singleResult().getId(), Map.of("rulingOutcome", "FINE", "fineMci", 20, "abbreviatedProcedure", false,
                "rulingDate", today.toString()));
        CaseSteps.step(engine, caseNumber, "effect");
        assertThat(CaseSteps.activeActivities(engine, caseNumber)).contains("Task_CancelRegistration");
        HttpApi.Answer moved = api.put("demo", "/api/elections/" + election.id(), Map.of("name", election.name(),
                "level", "MAZHILIS", "votingDay", today.plusDays(1).toString(), "timeZone", "Asia/Almaty"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        CaseSteps.runElectionFreeze(engine, election.id());
        HttpApi.Answer view = api.get("prosecutor", "/api/cases/" + caseNumber);
        assertThat(view.body().get("registrationReasonCode").asText()).isEqualTo("CANCELLATION_WITHDRAWN_BY_FREEZE");
        return caseNumber;
    }
}
