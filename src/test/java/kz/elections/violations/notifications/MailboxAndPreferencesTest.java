package kz.elections.violations.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without a mail server (the demo default) the messages go to the admins' mailbox; each user reads and
 * changes their own notification settings over the API.
 */
class MailboxAndPreferencesTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    NotificationSender sender;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationPreferences preferences;

    private HttpApi http;

    @BeforeEach
    void client() {
        http = new HttpApi(port);
        // the cases here are Almaty's: its regional office is told too, which the e-mail tests show
        preferences.set("prosecutor-almaty", new NotificationPreferences.Preference(false, "ru"));
    }

    @AfterEach
    void defaultPreferences() {
        preferences.set("commission1", new NotificationPreferences.Preference(true, "ru"));
        preferences.set("prosecutor-almaty", new NotificationPreferences.Preference(true, "ru"));
    }

    @Test
    void withoutAMailServerMessagesGoToTheMailboxThatOnlyAdminsRead() {
        ProcessInstance instance = startCase(election("2031-03-19", "Asia/Almaty"), "CITIZEN", "114",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).minusDays(1).toString());
        String caseNumber = instance.getBusinessKey();
        sender.sendDue();

        assertThat(outbox.forCase(caseNumber)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("MAILBOX");
            assertThat(row.recipient()).isEqualTo("prosecutor");
        });
        Answer mailbox = http.get("demo", "/api/admin/mailbox?limit=1000");
        assertThat(mailbox.status()).isEqualTo(200);
        List<JsonNode> ofTheCase = new java.util.ArrayList<>();
        mailbox.body().forEach(message -> {
            if (caseNumber.equals(message.path("caseNumber").asText())) {
                ofTheCase.add(message);
            }
        });
        assertThat(ofTheCase).singleElement().satisfies(message -> {
            assertThat(message.get("email").asText()).isEqualTo("prosecutor@example.org");
            assertThat(message.get("subject").asText()).isEqualTo("Дело " + caseNumber + ": новая задача «Проверить факт»");
            assertThat(message.get("body").asText()).contains("/camunda/app/tasklist/default/#/?task=");
        });
        for (String user : List.of("prosecutor", "commission1", "auditor", "cec")) {
            assertThat(http.get(user, "/api/admin/mailbox").status()).as(user).isEqualTo(403);
        }
        assertThat(http.get(null, "/api/admin/mailbox").status()).isEqualTo(401);
        assertThat(http.get("demo", "/api/admin/mailbox?limit=0").body().toString()).contains("limit");
        Answer page = http.get("demo", "/admin/mailbox.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.text()).contains("mailbox.js").contains("data-i18n=\"mailbox.title\"");
    }

    @Test
    void aUserReadsAndChangesTheirOwnSettings() {
        Answer initial = http.get("commission1", "/api/me/notifications");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body().get("enabled").asBoolean()).isTrue();
        assertThat(initial.body().get("language").asText()).isEqualTo("ru");

        Answer changed = http.put("commission1", "/api/me/notifications", Map.of("enabled", false, "language", "kk"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(http.get("commission1", "/api/me/notifications").body().toString())
                .isEqualTo("{\"enabled\":false,\"language\":\"kk\"}");
        assertThat(preferences.of("commission1")).isEqualTo(new NotificationPreferences.Preference(false, "kk"));
        // another user's settings are their own
        assertThat(preferences.of("commission2").enabled()).isTrue();

        // a field left out keeps its value
        assertThat(http.put("commission1", "/api/me/notifications", Map.of("enabled", true)).body().toString())
                .isEqualTo("{\"enabled\":true,\"language\":\"kk\"}");

        Answer badLanguage = http.put("commission1", "/api/me/notifications", Map.of("language", "en"));
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.text()).contains("language");
        Answer badEnabled = http.put("commission1", "/api/me/notifications", Map.of("enabled", "no"));
        assertThat(badEnabled.status()).isEqualTo(400);
        assertThat(badEnabled.text()).contains("enabled");
        Answer unknown = http.put("commission1", "/api/me/notifications", Map.of("email", "x@example.org"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("email");
        assertThat(http.put("commission1", "/api/me/notifications", "not json").status()).isEqualTo(400);
        assertThat(preferences.of("commission1")).isEqualTo(new NotificationPreferences.Preference(true, "kk"));
        assertThat(http.get(null, "/api/me/notifications").status()).isEqualTo(401);
    }

    @Test
    void historyPlayedBackTellsNobody() {
        ProcessInstance[] played = new ProcessInstance[1];
        Silence.during(() -> played[0] = startCase(election("2023-03-19", "Asia/Almaty"), "CITIZEN", "114",
                "2023-02-25"));
        assertThat(outbox.forCase(played[0].getBusinessKey())).isEmpty();
        // the same work outside the replay tells the prosecutors of the new task
        ProcessInstance now = startCase(election("2023-03-19", "Asia/Almaty"), "CITIZEN", "114", "2023-02-25");
        assertThat(outbox.forCase(now.getBusinessKey())).isNotEmpty();
    }
}
