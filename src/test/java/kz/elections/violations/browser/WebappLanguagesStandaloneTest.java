package kz.elections.violations.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.elections.violations.ElectionViolationsApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The welcome page, Cockpit and Admin in a Kazakh and in a Russian browser, as the administrator opens
 * them: their own words in that language, none of the English ones, and no end-of-life banner.
 */
@Tag("browser")
class WebappLanguagesStandaloneTest {

    /** Per language and page: words the page must show, and the English ones it shows otherwise. */
    private static final Map<String, Map<String, List<String>>> SAYS = Map.of(
            "kk", Map.of(
                    "/camunda/app/welcome/default/", List.of("Қолданбалар"),
                    "/camunda/app/cockpit/default/#/dashboard", List.of("Процестер", "Шешімдер", "Орналастырулар"),
                    "/camunda/app/admin/default/#/", List.of("Пайдаланушылар", "Топтар", "Рұқсаттар")),
            "ru", Map.of(
                    "/camunda/app/welcome/default/", List.of("Приложения"),
                    "/camunda/app/cockpit/default/#/dashboard", List.of("Процессы", "Решения", "Развёртывания"),
                    "/camunda/app/admin/default/#/", List.of("Пользователи", "Группы", "Авторизации")));
    private static final List<String> ENGLISH = List.of("Processes", "Decisions", "Deployments", "Users", "Groups",
            "Authorizations", "Applications", "It is time to migrate");

    @TempDir
    Path data;

    @Test
    void welcomeCockpitAndAdminSpeakTheBrowsersLanguage() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ElectionViolationsApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=jdbc:h2:file:" + data.resolve("webapps") + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--camunda.bpm.job-execution.enabled=false", "--audit.demo-briefing=false", "--server.port=0")) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            for (String language : List.of("kk", "ru")) {
                try (Browser browser = new Browser(port, language)) {
                    browser.logIn("demo");
                    SAYS.get(language).forEach((page, words) -> {
                        browser.open(page);
                        // Cockpit loads its plugins' scripts first: on a busy machine that takes longer than 20 s
                        words.forEach(word -> browser.waitForText(word, Duration.ofSeconds(90)));
                        assertThat(browser.pageText()).as(language + " " + page).doesNotContain(ENGLISH);
                        assertThat(browser.script("var b = document.querySelector('.ce-eol-banner');"
                                + " return b === null || getComputedStyle(b).display === 'none'")).isEqualTo(true);
                    });
                    browser.screenshot(language + "-cockpit-and-admin");
                }
            }
        }
    }
}
