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
}
