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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    private static final String PROCESS_NAME = "Сайлау заңнамасын бұзу ісі / Дело о нарушении избирательного законодательства";
    private static final String CANCEL_REGISTRATION = "Кандидат тіркеуін жою / Отменить регистрацию кандидата";
    /** How staff type a date into a form's text field. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @TempDir
    Path data;

    /** What the walk expects to read in Tasklist's chrome, written out here so that a missing translation shows. */
    private static final Map<String, List<String>> TASKLIST_SAYS = Map.of(
            "kk", List.of("Процесті бастау", "Өзіне алу", "Аяқтау", "Бұл өрісті толтыру міндетті.", "3 күн ішінде"),
            "ru", List.of("Запустить процесс", "Взять в работу", "Завершить", "Это поле обязательно для заполнения.",
                    "через 3 дн."));

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"kk", "ru"})
    void aCandidatesCaseFromTheStartFormToTheCancelledRegistration(String language) throws InterruptedException {
        Words words = new Words(language);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("browser") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0");
             Browser browser = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                     language)) {
            // the demo briefing plays after start-up: let it finish before the walk
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            LocalDate today = LocalDate.now(ALMATY);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (" + language + ")",
                    "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));
            List<String> chrome = TASKLIST_SAYS.get(language);

            // the prosecutor registers the fact in the start form; a wrong IIN first
            browser.logInToTasklist("prosecutor");
            browser.waitForText(TasklistFilters.GROUP_TASKS);
            assertThat(words.tasklist("START_PROCESS")).isEqualTo(chrome.get(0));
            assertThat(browser.pageText()).contains(chrome.get(0)).doesNotContain("Start process", "It is time to migrate");
            browser.clickLink(chrome.get(0));
            browser.clickLink(PROCESS_NAME);
            browser.choose("electionId", election.name());
            browser.choose("region", "Алматы");
            browser.type("committedOn", today.minusDays(2).format(TYPED_DATE));
            browser.type("place", "Абай даңғылы 10");
            browser.choose("offenderKind", "Тіркелген кандидат / Зарегистрированный кандидат");
            browser.type("offenderName", "Айдос Кандидатов");
            browser.type("offenderIin", "123456789012");
            browser.type("districtCommission", "1");
            browser.choose("article", "102 — тыйым салынған кезеңдегі үгіт / агитация в запрещённый период");
            browser.choose("source", "Шағым / Жалоба");
            browser.type("description", "Тіркеу мерзіміне дейін парақшалар таратылды / Листовки раздавались до срока");
            browser.click("button[ng-click='startProcessInstance()']");
            assertThat(browser.notification(words.refusal("refused.start")))
                    .contains(words.refusal("field.offender.iin") + ": " + words.refusal("rule.iin.checkDigit"))
                    .doesNotContain("offender.iin", "Cannot instantiate", "ViolationCase:");
            browser.screenshot(language + "-02-start-form-refuses-a-bad-iin");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("ViolationCase").count()).isZero();

            String iin = TestIins.next();
            browser.type("offenderIin", iin);
            browser.click("button[ng-click='startProcessInstance()']");
            ProcessInstance instance = waitForTheCase(engine);
            String caseNumber = instance.getBusinessKey();
            assertThat(caseNumber).matches("\\d{4}-\\d{6}");
            assertThat(browser.notification(caseNumber)).contains("№ " + caseNumber);
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "offenderIin")).isEqualTo(iin);

            // the task list tells the case apart: number, offender, article, election and due date on the card
            browser.logInToTasklist("prosecutor");
            browser.waitForText(caseNumber);
            String card = browser.taskListEntries().stream().filter(entry -> entry.contains(caseNumber)).findFirst()
                    .orElseThrow();
            assertThat(card).contains("Іс нөмірі / Номер дела", "Айдос Кандидатов", "102", election.name(),
                    words.tasklist("DUE"), chrome.get(4));
            assertThat(card).as("the card's dates in the page's language only")
                    .doesNotContain("kk".equals(language) ? "через" : "ішінде");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                    .getDueDate()).isNotNull();
            browser.screenshot(language + "-01-task-list-with-the-case");

            // the prosecutor checks the fact: no answer is preselected, a "no" asks for the reason
            browser.openTask(taskId(engine, instance, "Task_CheckFact"), chrome.get(1));
            browser.waitForText(caseNumber);
            assertThat(browser.pageText()).contains("Фактіні тексеру / Проверка факта", "Айдос Кандидатов",
                    "Іс парағы / Страница дела", "ӘҚБтК / КоАП", chrome.get(2),
                    "Тыйым салынған кезеңдегі үгіт / Агитация в запрещённый период")
                    .doesNotContain("Campaigning");
            assertThat(browser.script("return document.querySelectorAll(\"input[type=radio]:checked\").length"))
                    .isEqualTo(0L);
            assertThat(browser.pageText()).as("the reason is asked only for a choice against the case")
                    .doesNotContain("Себебі / Причина");
            // Complete with no answer: form-js refuses, its message in the browser's language
            browser.complete();
            browser.waitForText(chrome.get(3));
            assertThat(browser.pageText()).doesNotContain("Field is required");
            browser.answer("factConfirmed", "Жоқ, расталмады: іс жабылады / Нет, не подтверждено: дело закрывается");
            browser.waitForText("Себебі / Причина");
            browser.screenshot(language + "-03-a-no-asks-for-the-reason");
            browser.complete();
            assertThat(browser.notification(words.refusal("field.reason")))
                    .contains(words.refusal("field.reason") + ": " + words.refusal("rule.reason.required"))
                    .doesNotContain("variables.reason", "Cannot", "Task_CheckFact");
            assertThat(engine.getRuntimeService().getActiveActivityIds(instance.getId()))
                    .as("a \"no\" without its reason does not close the case").contains("Task_CheckFact");
            browser.answer("factConfirmed", "Иә, бұзушылық расталды / Да, нарушение подтверждено");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Task_DecideConsent");

            // the CEC consents
            browser.logInToTasklist("cec");
            browser.openTask(taskId(engine, instance, "Task_DecideConsent"), chrome.get(1));
            assertThat(browser.pageText()).contains("ОСК келісімі / Согласие ЦИК", "Айдос Кандидатов");
            browser.screenshot(language + "-04-cec-grants-consent");
            browser.answer("consentGranted", "Иә, келісім береді / Да, даёт согласие");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Task_RecordCourtRuling");

            // the prosecutor records the fine: the form shows the article's range and the amount in tenge
            browser.logInToTasklist("prosecutor");
            browser.openTask(taskId(engine, instance, "Task_RecordCourtRuling"), chrome.get(1));
            browser.answer("rulingOutcome", "Айыппұл / Штраф");
            browser.type("fineMci", "20");
            browser.waitForText("Теңгемен / В тенге");
            assertThat(browser.pageText()).contains("10–50 АЕК / МРП", "Теңгемен / В тенге: "
                    + new java.math.BigDecimal(20).multiply(app.getBean(kz.elections.violations.sanctions.MciRates.class)
                    .rateOf(today.minusDays(2).getYear()).orElseThrow()).toBigInteger());
            browser.type("rulingDate", today.format(TYPED_DATE));
            browser.screenshot(language + "-05-prosecutor-records-the-fine");
            browser.complete();
            waitUntilWaitingAt(engine, instance, "Gateway_AwaitLegalEffect");
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "fineMci")).isEqualTo(20);

            // the appeal period passes: the engine's timer job runs
            engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).activityId("Event_AppealPeriodExpired").singleResult().getId());
            waitUntilWaitingAt(engine, instance, "Task_CancelRegistration");
            String cancelTask = taskId(engine, instance, "Task_CancelRegistration");
            assertThat(engine.getTaskService().createTaskQuery().taskId(cancelTask).singleResult().getDueDate())
                    .isEqualTo(java.util.Date.from(app.getBean(ElectionService.class).get(election.id())
                            .registrationFreezeFrom()));

            // the other district's commission does not see the task
            browser.logInToTasklist("commission2");
            browser.waitForText(words.tasklist("NO_MATCHING_TASK"));
            assertThat(browser.pageText()).contains(TasklistFilters.GROUP_TASKS + " 0");
            assertThat(browser.pageText()).doesNotContain(caseNumber).doesNotContain(CANCEL_REGISTRATION);
            browser.screenshot(language + "-06-commission2-does-not-see-the-task");

            // the candidate's district commission cancels the registration, due at the freeze
            browser.logInToTasklist("commission1");
            browser.waitForText(TasklistFilters.GROUP_TASKS + " 1");
            browser.waitForText(CANCEL_REGISTRATION);
            browser.openTask(cancelTask, chrome.get(1));
            String freezeMoment = app.getBean(ElectionService.class).get(election.id())
                    .registrationFreezeFrom().atZone(ALMATY).format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
            browser.waitForText(freezeMoment);
            browser.type("decisionNumber", "17/1");
            browser.screenshot(language + "-07-commission1-cancels-the-registration");
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
            browser.waitForText(CANCEL_REGISTRATION);

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
            browser.waitForText(words.tasklist("NO_MATCHING_TASK"));
            assertThat(browser.pageText()).doesNotContain(CANCEL_REGISTRATION);
            browser.screenshot(language + "-08-freeze-withdrew-the-task");

            // ... and the case page, in the member's language, says that the registration was kept and why
            browser.consoleMessages();
            browser.open("/cases/" + keptCase);
            browser.waitForText(words.page("case.pageTitle", "n", keptCase));
            browser.waitForText(words.page("registration.KEPT_DUE_TO_FREEZE"));
            browser.screenshot(language + "-09-commission1-sees-why-the-registration-was-kept");

            // the auditor reads the first case's timeline: every step, who did it, in the auditor's language
            browser.logInToTasklist("auditor");
            browser.open("/audit/timeline.html?case=" + caseNumber);
            browser.waitForText(words.page("timeline.pageTitle", "n", caseNumber));
            browser.waitForText(words.page("step.Task_CheckFact"));
            String timeline = browser.pageText();
            assertThat(timeline).contains(words.page("registration.CANCELLED"), words.page("step.Task_CheckFact"),
                    words.page("step.Event_AppealPeriodExpired"), words.page("kind.TIMER_FIRED"),
                    "prosecutor", "cec", "commission1")
                    .doesNotContain("Task_CheckFact", "Check the fact");
            browser.screenshot(language + "-10-auditor-reads-the-case-timeline");

            // and the statistics of the election, every bar labelled
            browser.open("/audit/statistics.html?electionId=" + election.id());
            browser.waitForText(words.page("figure.registrationsKept"));
            assertThat(browser.pageText()).contains(words.page("figure.facts"), words.page("figure.registrationsCancelled"),
                    words.page("figure.fines"), words.page("chart.byArticle"));
            Object chartBars = browser.script("const chart = Chart.getChart('byArticle');"
                    + " return chart ? chart.data.datasets[0].data : null;");
            assertThat(chartBars).asList().containsExactly(2L);
            browser.screenshot(language + "-11-auditor-reads-the-statistics");
            // Swagger UI, with the session, lists the project API
            browser.open("/swagger-ui/index.html");
            browser.waitForText("/api/cases/{caseNumber}/history");
            // the audit pages, Chart.js and Swagger UI keep to the application's Content-Security-Policy
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

            aHostileCaseReadsAsPlainTextInTheCheckForm(app, browser, api, election, today, language, chrome.get(1));
        }
    }

    /**
     * A case whose offender name, place and description carry a markdown link, an HTML link and an image:
     * the check form shows them as the text they are, and completing the form submits only its own field.
     */
    private static void aHostileCaseReadsAsPlainTextInTheCheckForm(ConfigurableApplicationContext app, Browser browser,
                                                                   HttpApi api, Election election, LocalDate today,
                                                                   String language, String claim) {
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
        browser.openTask(taskId(engine, instanceId, "Task_CheckFact"), claim);
        browser.waitForText(registered.body().get("caseNumber").asText());
        assertThat(browser.pageText()).contains(name, place, description);
        Object live = browser.script("const form = document.querySelector('.fjs-form');"
                + " return [...form.querySelectorAll('a[href*=\"evil.example\"], img, iframe')].map(e => e.outerHTML);");
        assertThat(live).asList().isEmpty();
        browser.screenshot(language + "-12-hostile-text-stays-text");

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
