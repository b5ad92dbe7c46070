package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import kz.elections.violations.tasklist.TasklistFilters;
import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.cases.CaseQueries;
import kz.elections.violations.cases.CaseView;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.CaseSteps;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A candidate's case walked in a real browser (Debian chromium, headless) through Tasklist and its
 * Camunda Forms, as each demo user: every step asserts what the page shows. Screenshots of the steps
 * are written to target/screenshots (docs/screenshots with -Dscreenshots.refresh=true) for docs/walkthrough.md. A last case carries links and an image in what its
 * registrant typed, which the check form shows as plain text.
 */
@Tag("browser")
class TasklistWalkStandaloneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    /** How staff type a date into a form's text field. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @TempDir
    Path data;

    @Test
    void aCandidatesCaseFromTheStartFormToTheCancelledRegistration() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("browser") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0");
             Browser browser = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))) {
            // the demo briefing plays after start-up: let it finish before the walk
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            LocalDate today = LocalDate.now(ALMATY);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (browser walk)",
                    "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));

            // the prosecutor registers the fact in the start form; a wrong IIN first
            browser.logInToTasklist("prosecutor");
            browser.waitForText(TasklistFilters.GROUP_TASKS);
            browser.clickLink("Start process");
            browser.clickLink("Election violation case");
            browser.choose("electionId", election.name());
            browser.type("region", "Almaty");
            browser.type("committedOn", today.minusDays(2).format(TYPED_DATE));
            browser.type("place", "Abai avenue 10");
            browser.choose("offenderKind", "Тіркелген кандидат / Зарегистрированный кандидат");
            browser.type("offenderName", "Aidos Candidate");
            browser.type("offenderIin", "123456789012");
            browser.type("districtCommission", "1");
            browser.choose("article", "102 — тыйым салынған кезеңдегі үгіт / агитация в запрещённый период");
            browser.choose("source", "Шағым / Жалоба");
            browser.type("description", "Leaflets handed out before the registration deadline");
            browser.click("button[ng-click='startProcessInstance()']");
            assertThat(browser.notification("could not be started"))
                    .contains("IIN of the offender: an IIN is 12 digits with a valid check digit")
                    .doesNotContain("offender.iin", "Cannot instantiate");
            browser.screenshot("02-start-form-refuses-a-bad-iin");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ViolationCase").count()).isZero();

            String iin = TestIins.next();
            browser.type("offenderIin", iin);
            browser.click("button[ng-click='startProcessInstance()']");
            ProcessInstance instance = waitForTheCase(engine);
            String caseNumber = instance.getBusinessKey();
            assertThat(caseNumber).matches("\\d{4}-\\d{6}");
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "offenderIin")).isEqualTo(iin);

            // the prosecutor checks the fact
            browser.openTask(taskId(engine, instance, "Task_CheckFact"));
            browser.waitForText(caseNumber);
            assertThat(browser.pageText()).contains("Фактіні тексеру / Проверка факта", "Aidos Candidate",
                    "Campaigning in a prohibited period", "Проверка подтвердила нарушение?", "Іс парағы / Страница дела", "ӘҚБтК / КоАП");
            browser.screenshot("03-prosecutor-checks-the-fact");
            assertThat(browser.pageText()).as("the reason is asked only for a choice against the case")
                    .doesNotContain("Себебі / Причина");
            browser.answer("factConfirmed", "Жоқ, расталмады: іс жабылады / Нет, не подтверждено: дело закрывается");
            browser.waitForText("Себебі / Причина");
            browser.answer("factConfirmed", "Иә, бұзушылық расталды / Да, нарушение подтверждено");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Task_DecideConsent");
            // the radio group's answer arrives as the Boolean itself, not as text the server converts
            assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
                    .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
                    .map(org.camunda.bpm.engine.history.HistoricVariableUpdate.class::cast)
                    .filter(update -> update.getVariableName().equals("factConfirmed")).findFirst().orElseThrow()
                    .getTypeName()).isEqualTo("boolean");

            // the CEC consents
            browser.logInToTasklist("cec");
            browser.openTask(taskId(engine, instance, "Task_DecideConsent"));
            assertThat(browser.pageText()).contains("ОСК келісімі / Согласие ЦИК", "Aidos Candidate");
            browser.screenshot("04-cec-grants-consent");
            browser.answer("consentGranted", "Иә, келісім береді / Да, даёт согласие");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Task_RecordCourtRuling");

            // the prosecutor records the fine
            browser.logInToTasklist("prosecutor");
            browser.openTask(taskId(engine, instance, "Task_RecordCourtRuling"));
            browser.answer("rulingOutcome", "Айыппұл / Штраф");
            browser.type("fineMci", "20");
            browser.waitForText("Теңгемен / В тенге");
            assertThat(browser.pageText()).contains("10–50 АЕК / МРП", "Теңгемен / В тенге: "
                    + new java.math.BigDecimal(20).multiply(app.getBean(kz.elections.violations.sanctions.MciRates.class)
                    .rateOf(today.minusDays(2).getYear()).orElseThrow()).toBigInteger());
            browser.type("rulingDate", today.format(TYPED_DATE));
            browser.screenshot("05-prosecutor-records-the-fine");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Gateway_AwaitLegalEffect");
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "fineMci")).isEqualTo(20);

            // the appeal period passes: the engine's timer job runs
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).activityId("Event_AppealPeriodExpired").singleResult().getId());
            waitUntilWaitingAt(engine, instance, "Task_CancelRegistration");
            String cancelTask = taskId(engine, instance, "Task_CancelRegistration");

            // the other district's commission does not see the task
            browser.logInToTasklist("commission2");
            browser.waitForText("No task matching filters found.");
            assertThat(browser.pageText()).contains(TasklistFilters.GROUP_TASKS + " 0");
            assertThat(browser.pageText()).doesNotContain(caseNumber).doesNotContain("Кандидат тіркеуін жою / Отменить регистрацию кандидата");
            browser.screenshot("06-commission2-does-not-see-the-task");

            // the candidate's district commission cancels the registration
            browser.logInToTasklist("commission1");
            browser.waitForText(TasklistFilters.GROUP_TASKS + " 1");
            browser.waitForText("Кандидат тіркеуін жою / Отменить регистрацию кандидата");
            browser.openTask(cancelTask);
            browser.type("decisionNumber", "17/1");
            browser.screenshot("07-commission1-cancels-the-registration");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Gateway_AwaitQuashing");
            CaseView view = app.getBean(CaseQueries.class).get(caseNumber);
            assertThat(view.status()).isEqualTo("CLOSED");
            assertThat(view.registration()).isEqualTo("CANCELLED");
            assertThat(view.steps()).extracting(CaseView.Step::completedBy)
                    .containsExactly("prosecutor", "cec", "prosecutor", "commission1");

            // a second candidate's case of district 1 reaches the cancellation before the freeze
            HttpApi api = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            String keptCase = registerSecondCandidatesCase(api, election, today);
            CaseSteps.step(engine, keptCase, "check");
            CaseSteps.step(engine, keptCase, "consent");
            String keptInstance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(keptCase).singleResult().getId();
            engine.getTaskService().complete(taskId(engine, keptInstance, "Task_RecordCourtRuling"), Map.of(
                    "rulingOutcome", "FINE", "fineMci", 20, "abbreviatedProcedure", false,
                    "rulingDate", today.toString()));
            CaseSteps.step(engine, keptCase, "effect");
            browser.logInToTasklist("commission1");
            browser.waitForText(TasklistFilters.GROUP_TASKS + " 1");
            browser.waitForText("Кандидат тіркеуін жою / Отменить регистрацию кандидата");

            // the voting day is brought forward: the freeze (D-2 00:00) has begun, its timer withdraws the task
            HttpApi.Answer moved = api.put("demo", "/api/elections/" + election.id(), Map.of("name", election.name(),
                    "level", "MAZHILIS", "votingDay", today.plusDays(1).toString(), "timeZone", "Asia/Almaty"));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            CaseSteps.runElectionFreeze(engine, election.id());
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(keptInstance).count())
                    .isZero();

            // the same member no longer finds the task ...
            browser.logInToTasklist("commission1");
            browser.waitForText(TasklistFilters.GROUP_TASKS + " 0");
            browser.waitForText("No task matching filters found.");
            assertThat(browser.pageText()).doesNotContain("Кандидат тіркеуін жою / Отменить регистрацию кандидата");
            browser.screenshot("08-freeze-withdrew-the-task");

            // ... and the case page says why; the member's list holds the own district's two cases only
            browser.consoleMessages();
            browser.open("/cases/" + keptCase);
            browser.waitForText("The open cancellation was withdrawn when the freeze began");
            assertThat(browser.pageText())
                    .contains("Case " + keptCase, "registration kept (registration freeze)", "D-2 00:00, Asia/Almaty",
                            "The case is closed");
            browser.screenshot("09-commission1-sees-why-the-registration-was-kept");
            browser.open("/audit/?electionId=" + election.id());
            browser.waitForText("2 cases");
            assertThat(browser.pageText()).contains(caseNumber, keptCase);

            // the auditor reads the first case's timeline: every step, who did it, the process version
            browser.logInToTasklist("auditor");
            browser.open("/audit/?case=" + caseNumber);
            browser.waitForText("Timeline of case " + caseNumber);
            browser.waitForText("Check the fact");
            String timeline = browser.pageText();
            assertThat(timeline).contains("closed", "registration cancelled", "process version 1 (1.3.0)",
                    "Check the fact", "commission1", "Cancel the candidate's registration", "decision number",
                    "Appeal period expired", "deadline reached");
            assertThat(timeline.substring(timeline.indexOf("Timeline of case " + caseNumber)))
                    .contains("prosecutor", "cec", "commission1");
            browser.screenshot("10-auditor-reads-the-case-timeline");

            // and the statistics of the election, with their charts drawn
            browser.open("/audit/statistics.html?electionId=" + election.id());
            browser.waitForText("registrations kept (freeze)");
            assertThat(browser.pageText()).contains("2\nfacts", "1\nregistrations cancelled",
                    "1\nregistrations kept (freeze)", "2\nCEC consents asked", "2\nfines", "By article");
            Object chartBars = browser.script("const chart = Chart.getChart('byArticle');"
                    + " return chart ? chart.data.datasets[0].data : null;");
            assertThat(chartBars).asList().containsExactly(2L);
            browser.screenshot("11-auditor-reads-the-statistics");
            // Swagger UI, with the session, lists the project API
            browser.open("/swagger-ui/index.html");
            browser.waitForText("/api/cases/{caseNumber}/history");
            // the audit pages, Chart.js and Swagger UI keep to the application's Content-Security-Policy
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

            aHostileCaseReadsAsPlainTextInTheCheckForm(app, browser, api, election, today);
        }
    }

    /**
     * A case whose offender name, place and description carry a markdown link, an HTML link and an image:
     * the check form shows them as the text they are, and completing the form submits only its own field.
     */
    private static void aHostileCaseReadsAsPlainTextInTheCheckForm(ConfigurableApplicationContext app, Browser browser,
                                                                   HttpApi api, Election election, LocalDate today) {
        String name = "Hostile <a href=\"https://evil.example/name\">Name</a>";
        String place = "Square [map](https://evil.example/place)";
        String description = "Read [click here](https://evil.example/markdown) or <a href=\"https://evil.example/html\">"
                + "this</a> <img src=\"https://evil.example/pixel.png\" alt=\"pixel\">";
        HttpApi.Answer registered = api.post("prosecutor", "/api/cases", Map.of("electionId", election.id(),
                "region", "Almaty", "committedOn", today.minusDays(1).toString(), "place", place,
                "offender", Map.of("kind", "CITIZEN", "name", name, "iin", TestIins.next()),
                "article", "114", "source", "SOCIAL_NETWORK", "description", description));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        String instanceId = registered.body().get("processInstanceId").asText();

        browser.logInToTasklist("prosecutor");
        browser.openTask(taskId(engine, instanceId, "Task_CheckFact"));
        browser.waitForText(registered.body().get("caseNumber").asText());
        assertThat(browser.pageText()).contains(name, place, description);
        Object live = browser.script("const form = document.querySelector('.fjs-form');"
                + " return [...form.querySelectorAll('a[href*=\"evil.example\"], img, iframe')].map(e => e.outerHTML);");
        assertThat(live).asList().isEmpty();
        browser.screenshot("12-hostile-text-stays-text");

        browser.answer("factConfirmed", "Иә, бұзушылық расталды / Да, нарушение подтверждено");
        browser.complete();
        waitUntilWaitingAt(engine, instanceId, "Task_RecordCourtRuling");
        assertThat(engine.getRuntimeService().getVariable(instanceId, "factConfirmed")).isEqualTo(true);
        // the values the form shows were written once, at intake: the completion did not send them back
        for (String shown : List.of("offenderName", "place", "description", "region", "caseNumber", "code", "article",
                "offenceTitle")) {
            assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instanceId)
                    .variableUpdates().list()).as(shown)
                    .filteredOn(detail -> shown.equals(((HistoricVariableUpdate) detail).getVariableName()))
                    .hasSize(1);
        }
    }

    private static String registerSecondCandidatesCase(HttpApi api, Election election, LocalDate today) {
        HttpApi.Answer registered = api.post("prosecutor", "/api/cases", Map.of("electionId", election.id(),
                "region", "Almaty", "committedOn", today.minusDays(1).toString(), "place", "Dostyk avenue 5",
                "offender", Map.of("kind", "CANDIDATE", "name", "Bolat Candidate", "iin", TestIins.next(),
                        "districtCommission", "1"),
                "article", "102", "source", "MONITORING", "description", "Campaign posters on a school"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.body().get("caseNumber").asText();
    }

    private static ProcessInstance waitForTheCase(ProcessEngine engine) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("ViolationCase").singleResult();
            if (instance != null) {
                return instance;
            }
            sleep();
        }
        throw new AssertionError("the start form started no case");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String taskId(ProcessEngine engine, ProcessInstance instance, String key) {
        return taskId(engine, instance.getId(), key);
    }

    private static String taskId(ProcessEngine engine, String instanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private static void waitUntilWaitingAt(ProcessEngine engine, ProcessInstance instance, String activityId) {
        waitUntilWaitingAt(engine, instance.getId(), activityId);
    }

    private static void waitUntilWaitingAt(ProcessEngine engine, String instanceId, String activityId) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!engine.getRuntimeService().getActiveActivityIds(instanceId).contains(activityId)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the case did not reach " + activityId + ": "
                        + engine.getRuntimeService().getActiveActivityIds(instanceId));
            }
            sleep();
        }
    }
}
