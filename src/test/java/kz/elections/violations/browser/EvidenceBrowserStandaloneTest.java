package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

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
 * Evidence on the case page in a real browser (Debian chromium, headless): the case's prosecutor, whose
 * browser asks for Russian, attaches a photo with a note through the page's form (the webapps' session,
 * from the page's own origin) and is refused a page renamed .jpg in words; the download carries the
 * recorded SHA-256; the district commission reads the list without the form; an auditor reads the file's
 * chain of custody on the timeline in Kazakh. No Content-Security-Policy violation in the console.
 */
@Tag("browser")
class EvidenceBrowserStandaloneTest {

    @TempDir
    Path data;

    @Test
    void theProsecutorAttachesAFileOnTheCasePageAndTheAuditorReadsItsChainOfCustody() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("evidence") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--server.port=0")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            assertThat(app.getBean(DemoBriefing.class).awaitPlayed(Duration.ofMinutes(3))).isTrue();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
            Election election = app.getBean(ElectionService.class).create(new ElectionRequest("Mazhilis (evidence)",
                    "MAZHILIS", today.plusDays(30).toString(), "Asia/Almaty"));
            HttpApi.Answer registered = new HttpApi(port).post("prosecutor", "/api/cases", Map.of(
                    "electionId", election.id(), "region", "Almaty", "committedOn", today.minusDays(1).toString(),
                    "place", "Polling station 12", "offender", Map.of("kind", "CANDIDATE", "name", "Aidos Candidate",
                            "iin", TestIins.next(), "districtCommission", "1"),
                    "article", "102", "source", "COMPLAINT", "description", "Leaflets in the polling station"));
            assertThat(registered.status()).as(registered.text()).isEqualTo(201);
            String caseNumber = registered.body().get("caseNumber").asText();

            byte[] photo = new byte[40_000];
            new Random(12).nextBytes(photo);
            System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 0, photo, 0, 4);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
            Path photoFile = Files.write(data.resolve("участок 12.jpg"), photo);
            Path page = Files.writeString(data.resolve("снимок.jpg"), "<html><script>alert(1)</script></html>",
                    StandardCharsets.UTF_8);

            try (Browser browser = new Browser(port, "ru")) {
                browser.logIn("prosecutor");
                browser.open("/cases/" + caseNumber);
                browser.waitForText("Доказательства");
                browser.waitForText("К делу не приобщено ни одного файла.");
                assertThat(browser.script("return document.getElementById('evidence-form').hidden")).isEqualTo(false);

                browser.chooseFile("#evidence-file", page);
                browser.click("#evidence-attach");
                // the server words its refusal in the page's language
                browser.waitForText("Файл не приобщён: должен быть по содержимому фото (JPEG, PNG, GIF, WebP, HEIC)");

                browser.chooseFile("#evidence-file", photoFile);
                browser.typeInto("#evidence-note", "Листовки на столе комиссии");
                browser.click("#evidence-attach");
                browser.waitForText("Файл участок 12.jpg приобщён; его SHA-256: " + sha256 + ".");
                String row = (String) browser.script("return document.querySelector('#evidence tr').innerText");
                assertThat(row).contains("участок 12.jpg", "image/jpeg", "39,1 КБ", "prosecutor",
                        "Листовки на столе комиссии", sha256);
                Object downloaded = browser.script("const link = document.querySelector('#evidence a');"
                        + " return fetch(link.href).then(r => [r.headers.get('X-Content-SHA256'),"
                        + " r.headers.get('Content-Disposition')]);");
                assertThat(downloaded.toString()).contains(sha256, "attachment;");
                browser.screenshot("case-page-evidence-ru");
                assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));

                browser.logIn("commission1");
                browser.open("/cases/" + caseNumber);
                browser.waitForText("участок 12.jpg");
                assertThat(browser.script("return document.getElementById('evidence-form').hidden")).isEqualTo(true);
            }

            try (Browser browser = new Browser(port, "kk")) {
                browser.logIn("auditor");
                browser.open("/audit/timeline.html?case=" + caseNumber);
                browser.waitForText("дәлелдеме іске қоса тіркелді");
                // the decimal separator is the browser's for kk (Chromium's data says "39.1" or "39,1")
                assertThat(browser.pageText()).containsPattern("участок 12\\.jpg: түрі image/jpeg, көлемі 39[,.]1 КБ,"
                        + " SHA-256 " + sha256).contains("ескертпе: Листовки на столе комиссии", "prosecutor");
                browser.screenshot("audit-timeline-evidence-kk");
                assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
            }
        }
    }
}
