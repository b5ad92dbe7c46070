package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security headers over HTTP: the application's pages and APIs, and the Camunda webapps. */
class SecurityHeadersTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;

    @BeforeEach
    void setUp() {
        http = new HttpApi(port);
    }

    @Test
    void theApplicationsPagesAndApisAllowOnlyTheirOwnScriptsAndNoFraming() {
        List<Answer> answers = List.of(
                http.get(null, "/audit/"),
                http.get(null, "/audit/index.html"),
                http.get(null, "/audit/statistics.html"),
                http.get(null, "/audit/statistics.js"),
                http.get(null, "/webjars/chart.js/dist/chart.umd.js"),
                http.get("auditor", "/api/cases"),
                http.get(null, "/api/cases"),
                http.get("prosecutor", "/v3/api-docs"),
                http.get("prosecutor", "/engine-rest/task"),
                http.get(null, "/engine-rest/task"),
                http.get(null, "/actuator/health"));
        assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 200, 200, 200, 200, 401, 200, 200, 401,
                200);
        for (Answer answer : answers) {
            String path = answer.response().uri().getPath();
            assertThat(answer.header("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void swaggerUiMaySetInlineStylesButRunsOnlyItsOwnScripts() {
        Answer page = http.get("prosecutor", "/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theCamundaWebappsKeepTheirOwnPolicyAndAreNeitherSniffedNorFramed() {
        List<Answer> answers = List.of(
                http.get(null, "/camunda/app/tasklist/default/"),
                http.get(null, "/camunda/app/cockpit/default/"),
                http.get(null, "/camunda/app/admin/default/"),
                http.get(null, "/camunda/api/admin/auth/user/default"));  // not logged in: 404
        assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 200, 404);
        for (Answer answer : answers) {
            String path = answer.response().uri().getPath();
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(path)
                    .contains("frame-ancestors 'none'", "object-src 'none'", "'strict-dynamic'")
                    .containsPattern("script-src 'nonce-[^']+'");
        }
        // the page's scripts carry the nonce of its policy, so Tasklist still runs
        Answer tasklist = answers.get(0);
        String nonce = tasklist.header("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(tasklist.text()).contains("nonce=\"" + nonce + "\"");
    }
}
