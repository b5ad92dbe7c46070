package kz.elections.violations.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' configuration and styles the application serves in place of the webjar's: the
 * languages, Tasklist's dates and header link, no end-of-life banner.
 */
class WebappConfigurationTest extends CaseTestSupport {

    private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");

    @LocalServerPort
    int port;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
    }

    private Answer served(String path) {
        Answer answer = http.get(null, path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer;
    }

    @Test
    void everyWebappOffersKazakhRussianAndEnglishWithRussianWhenTheBrowserAsksForNone() {
        for (String app : APPS) {
            String config = served("/camunda/app/" + app + "/scripts/config.js").text();
            assertThat(config).as(app).contains("export default {")
                    .contains("availableLocales: ['kk', 'ru', 'en']").contains("fallbackLocale: 'ru'");
        }
        String tasklist = served("/camunda/app/tasklist/scripts/config.js").text();
        assertThat(tasklist).contains("normal: 'DD.MM.YYYY HH:mm'").contains("short: 'DD.MM.YYYY'")
                .contains("customScripts: ['scripts/audit-link.js', 'scripts/form-messages.js', 'violations/case-number-notice']")
                // the default configuration's shortcuts, kept
                .contains("claimTask", "focusFilter", "focusList", "focusForm", "startProcess");
    }

    @Test
    void noWebappShowsTheEndOfLifeBanner() {
        for (String app : APPS) {
            assertThat(served("/camunda/app/" + app + "/default/").text()).as(app)
                    .contains("/camunda/app/" + app + "/styles/user-styles.css");
            String styles = served("/camunda/app/" + app + "/styles/user-styles.css").text();
            assertThat(styles).as(app).containsPattern("\\.ce-eol-banner \\{\\s*display: none;");
        }
    }

    @Test
    void tasklistsHeaderLinksTheAuditPagesForTheGroupsThatReadThem() {
        String script = served("/camunda/app/tasklist/scripts/audit-link.js").text();
        assertThat(script).contains("pluginPoint: 'tasklist.navbar.action'")
                .contains("const READERS = ['auditors', 'prosecutors', 'cec', 'admins'];")
                .contains("kk: 'Аудит шолуы'").contains("ru: 'Обзор для аудита'").contains("en: 'Audit overview'");
        assertThat(served("/audit/").status()).isEqualTo(200);

        // what the script reads in a Tasklist session: the user, then the user's groups
        for (String user : List.of("prosecutor", "cec", "auditor", "demo", "commission1")) {
            TasklistSession session = new TasklistSession(port, user);
            JsonNode me = session.get("/camunda/api/admin/auth/user/default");
            assertThat(me.path("userId").asText()).isEqualTo(user);
            JsonNode groups = session.get("/camunda/api/engine/engine/default/identity/groups?userId=" + user);
            List<String> ids = groups.path("groups").findValuesAsText("id");
            boolean reader = ids.stream().anyMatch(List.of("auditors", "prosecutors", "cec", "admins")::contains);
            assertThat(reader).as(user + " " + groups).isEqualTo(!user.startsWith("commission"));
            // the same groups may read the statistics behind the pages
            assertThat(http.get(user, "/api/statistics").status()).as(user).isEqualTo(reader ? 200 : 403);
        }
    }
}
