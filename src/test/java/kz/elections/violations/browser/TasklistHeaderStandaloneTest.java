package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.intake.CaseIntakeRequest;
import kz.elections.violations.intake.CaseIntakeService;
import kz.elections.violations.support.TestIins;
import kz.elections.violations.tasklist.TasklistFilters;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist's header and list in a real browser (headless Chromium): no end-of-life banner, the link
 * to the auditors' pages for the groups that read them and for no one else, and a task's card with
 * the case's columns, all loaded under the webapps' Content-Security-Policy.
 */
@Tag("browser")
class TasklistHeaderStandaloneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @TempDir
    Path data;

    @Test
    void theHeaderHasNoBannerAndLinksTheAuditPagesForTheirReadersAndTheCardsShowTheCase() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("header") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0");
             Browser browser = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))) {
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            LocalDate today = LocalDate.now(ALMATY);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (header)",
                    "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));
            String caseNumber = app.getBean(CaseIntakeService.class).register(new CaseIntakeRequest(election.id(),
                    "Almaty", today.minusDays(1).toString(), "Abai avenue 3",
                    new CaseIntakeRequest.Offender("CANDIDATE", "Dana Header", TestIins.next(), null, "1"),
                    null, "102", null, "MONITORING", "Leaflets")).caseNumber();
            TaskService tasks = app.getBean(ProcessEngine.class).getTaskService();
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
            task.setDueDate(Date.from(Instant.now().plus(Duration.ofHours(5))));
            tasks.saveTask(task);

            browser.logInToTasklist("prosecutor");
            browser.waitForText(TasklistFilters.GROUP_TASKS);
            browser.waitForText("Audit overview");
            assertThat(browser.script("return document.querySelector('a.audit-overview-link').getAttribute('href')"))
                    .isEqualTo("/audit/");
            assertThat(browser.script("var b = document.querySelector('.ce-eol-banner');"
                    + " return b === null || getComputedStyle(b).display === 'none'")).isEqualTo(true);
            browser.waitForText(caseNumber);
            browser.screenshot("tasklist-header-and-card");
            String card = browser.taskListEntries().stream().filter(entry -> entry.contains(caseNumber)).findFirst()
                    .orElseThrow();
            assertThat(card).contains("Іс нөмірі / Номер дела", "Dana Header", "Бап / Статья", "102",
                    "Сайлау / Выборы", "Mazhilis (header)", "Due in 5 hours");

            browser.logInToTasklist("commission1");
            browser.waitForText(TasklistFilters.GROUP_TASKS);
            browser.pause(3_000);
            assertThat(browser.pageText()).doesNotContain("Audit overview");

            browser.logInToTasklist("auditor");
            browser.waitForText("Audit overview");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

            // Tasklist and the link speak the browser's first language among kk, ru, en, and Russian otherwise
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            for (String[] language : new String[][] {
                    {"kk-KZ,ru", "Аудит шолуы", "Процесті бастау"},
                    {"ru-RU,ru", "Обзор для аудита", "Запустить процесс"},
                    {"de-DE,en", "Обзор для аудита", "Запустить процесс"}}) {
                try (Browser speaking = new Browser(port, language[0])) {
                    speaking.logIn("prosecutor");
                    speaking.waitForText(language[1]);
                    assertThat(speaking.pageText()).as(language[0]).contains(language[2])
                            .doesNotContain("Audit overview", "Start process");
                    speaking.screenshot("tasklist-header-" + language[0].substring(0, 2));
                }
            }
        }
    }
}
