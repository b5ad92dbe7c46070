package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A prosecutor whose browser asks for Russian registers a fact in Tasklist's start form: the election
 * chosen by its name, the day typed as dd.MM.yyyy; a wrong IIN is refused in Russian with the field's
 * label, and the registered case's number is shown once the case starts.
 */
@Tag("browser")
class StartFormBrowserStandaloneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @TempDir
    Path data;

    @Test
    void aProsecutorRegistersAFactAndReadsItsCaseNumber() throws InterruptedException {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("start-form") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0");
             Browser browser = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                     "ru-RU")) {
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            LocalDate today = LocalDate.now(ALMATY);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest(
                    "Мәслихат сайлауы / Выборы в маслихат", "MASLIKHAT", today.plusDays(30).toString(), "Asia/Almaty"));

            // whatever language Tasklist speaks: log in, and open the case's start form by its process key
            browser.logIn("prosecutor");
            browser.open("/camunda/app/tasklist/default/#/?processStart=ViolationCase");
            browser.choose("electionId", election.name());
            browser.choose("region", "Алматы");
            browser.type("committedOn", today.minusDays(2).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            browser.type("place", "Абай даңғылы 10");
            browser.choose("offenderKind", "Тіркелген кандидат / Зарегистрированный кандидат");
            browser.type("offenderName", "Айдос Кандидатов");
            browser.type("offenderIin", "123456789012");
            browser.type("districtCommission", "1");
            browser.choose("article", "102 — тыйым салынған кезеңдегі үгіт / агитация в запрещённый период");
            browser.choose("source", "Шағым / Жалоба");
            browser.type("description", "Тіркеу мерзімі біткенге дейін үнпарақтар таратылды");
            browser.click("button[ng-click='startProcessInstance()']");
            assertThat(browser.notification("Факт не зарегистрирован"))
                    .contains("ИИН нарушителя: ИИН состоит из 12 цифр с верной контрольной цифрой")
                    .doesNotContain("Cannot instantiate", "offender.iin", "ViolationCase");
            browser.screenshot("start-form-refusal-ru");

            browser.type("offenderIin", TestIins.next());
            browser.click("button[ng-click='startProcessInstance()']");
            ProcessInstance instance = waitForTheCase(engine);
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "committedOn"))
                    .isEqualTo(today.minusDays(2).toString());
            assertThat(browser.notification(instance.getBusinessKey())).contains("Дело зарегистрировано: № " + instance.getBusinessKey());
            browser.screenshot("start-form-case-number");
        }
    }

    private static ProcessInstance waitForTheCase(ProcessEngine engine) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey("ViolationCase").variableValueEquals("offenderName", "Айдос Кандидатов")
                    .singleResult();
            if (instance != null) {
                return instance;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the case did not start");
    }
}
