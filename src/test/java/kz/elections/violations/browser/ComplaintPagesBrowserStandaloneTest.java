package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.ElectionViolationsApplication;
import kz.elections.violations.demo.DemoBriefing;
import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRequest;
import kz.elections.violations.election.ElectionService;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A citizen reports a violation from a phone whose browser asks for Kazakh: the public page in Kazakh,
 * a photo attached, the tracking number; the status page; after the region's prosecutors reject the
 * complaint, the status page gives their reason, and nothing personal.
 */
@Tag("browser")
class ComplaintPagesBrowserStandaloneTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @TempDir
    Path data;

    @Test
    void aCitizenReportsFromAPhoneInKazakhAndReadsTheAnswer() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("complaints") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            LocalDate today = LocalDate.now(ALMATY);
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Мәжіліс / Мажилис 2027",
                    "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));
            // a photo as a phone takes it: a JPEG (its signature and a little data)
            Path photo = data.resolve("IMG_0042.jpg");
            byte[] jpeg = new byte[2048];
            jpeg[0] = (byte) 0xFF;
            jpeg[1] = (byte) 0xD8;
            jpeg[2] = (byte) 0xFF;
            jpeg[3] = (byte) 0xE0;
            Files.write(photo, jpeg);

            String trackingNumber;
            try (Browser browser = Browser.phone(port, "kk")) {
                browser.open("/complaint/");
                browser.waitForText("Сайлау заңын бұзу туралы хабарлау");
                assertThat(browser.viewportWidth()).isLessThanOrEqualTo(400);
                browser.select("select[name=electionId]", election.id());
                browser.select("select[name=region]", "almaty");
                assertThat(browser.pageText()).contains("Алматы", "Түркістан облысы", "5 файлға дейін");
                browser.typeInto("input[name=place]", "№ 123 сайлау учаскесі, Абай даңғылы 10");
                // the date picker of a phone: the value it sets
                browser.script("document.querySelector('input[name=committedOn]').value = arguments[0]",
                        today.minusDays(1).toString());
                browser.typeInto("textarea[name=description]", "Учаске жанында үгіт парақтары таратылды");
                browser.typeInto("input[name=offenderName]", "Белгісіз топ");
                browser.chooseFile("input[name=files]", photo);
                browser.typeInto("input[name=contactName]", "Айгүл");
                browser.typeInto("input[name=contactEmail]", "aigul@example.org");
                browser.screenshot("kk-complaint-01-form");
                browser.click("#send");
                browser.waitForText("Өтініш қабылданды");
                trackingNumber = browser.textOf("#tracking-number");
                assertThat(trackingNumber).isNotBlank();
                browser.screenshot("kk-complaint-02-received");

                browser.clickLink("Мәртебені қарау");
                browser.waitForText("түсті, қаралуда");
                assertThat(browser.pageText()).contains(trackingNumber, "Әзірге жауап жоқ");

                // Almaty's prosecutors' office rejects it with a reason (its task, as Tasklist completes it)
                HttpApi api = new HttpApi(port);
                JsonNode tasks = api.get("prosecutor-almaty", "/engine-rest/task?taskDefinitionKey=Task_TriageComplaint"
                        + "&processInstanceBusinessKey=" + trackingNumber).body();
                assertThat(tasks).hasSize(1);
                HttpApi.Answer rejected = api.post("prosecutor-almaty", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                        + "/complete", Map.of("variables", Map.of(
                                "triageDecision", Map.of("value", "REJECT"),
                                "reason", Map.of("value", "Фотода үгіт парағы да, учаске де көрінбейді"))));
                assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);

                browser.open("/complaint/status.html?n=" + trackingNumber);
                browser.waitForText("қабылданбады");
                String status = browser.pageText();
                assertThat(status).contains("Фотода үгіт парағы да, учаске де көрінбейді")
                        .doesNotContain("aigul@example.org", "Айгүл", "Белгісіз топ", "Абай даңғылы", "үгіт парақтары таратылды");
                browser.screenshot("kk-complaint-03-answer");
                assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
            }
        }
    }
}
