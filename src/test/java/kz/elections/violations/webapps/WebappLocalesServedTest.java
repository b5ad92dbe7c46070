package kz.elections.violations.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running webapps load our Kazakh and Russian files where they look for a language's labels. */
class WebappLocalesServedTest extends CaseTestSupport {

    @LocalServerPort
    private int port;
    private HttpApi http;

    @BeforeEach
    void client() {
        http = new HttpApi(port);
    }

    @ParameterizedTest(name = "{0} {1}: {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            tasklist | kk | CLAIM_TASK                   | Өзіне алу
            tasklist | ru | CLAIM_TASK                   | Взять в работу
            admin    | kk | AUTHORIZATION_AUTHORIZATIONS | Рұқсаттар
            admin    | ru | AUTHORIZATION_AUTHORIZATIONS | Авторизации
            welcome  | kk | DOCUMENTATION                | Құжаттама
            welcome  | ru | DOCUMENTATION                | Документация
            """)
    void servesOurTranslation(String app, String language, String key, String translated) throws Exception {
        HttpApi.Answer answer = http.get(null, "/camunda/app/" + app + "/locales/" + language + ".json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode labels = answer.body().path("labels");
        String english = WebappLocalesTest.camundaEnglish(app).path("labels").path(key).asText();
        assertThat(labels.path(key).asText()).isEqualTo(translated).isNotEqualTo(english);
        assertThat(WebappLocalesTest.leaves(answer.body()))
                .hasSameSizeAs(WebappLocalesTest.leaves(WebappLocalesTest.camundaEnglish(app)));
    }

    /**
     * A Kazakh or English page also loads the fallback Russian file: that copy comes without its date
     * wording, which would otherwise switch the page's dates to Russian; a Russian page, or one whose
     * language the webapps do not speak, gets it whole.
     */
    @ParameterizedTest(name = "{0} with Accept-Language {1}: dates {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tasklist | kk-KZ,kk;q=0.9 | false
            cockpit  | en-US,en       | false
            tasklist | ru-RU,ru       | true
            admin    | de-DE,de       | true
            welcome  | kk             | true
            """)
    void theFallbackFileKeepsItsDatesOnlyForThePagesThatSpeakIt(String app, String acceptLanguage, boolean dates) {
        HttpApi.Answer answer = http.send(null, "GET", "/camunda/app/" + app + "/locales/ru.json", null,
                java.util.Map.of("Accept-Language", acceptLanguage));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Vary")).contains("Accept-Language");
        if (app.equals("welcome")) {
            // the welcome page's files have no date wording at all
            assertThat(answer.body().has("dateLocales")).isFalse();
        } else {
            assertThat(answer.body().has("dateLocales")).isEqualTo(dates);
        }
        assertThat(answer.body().path("labels").size()).isGreaterThan(100);
    }
}
