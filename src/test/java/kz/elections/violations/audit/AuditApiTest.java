package kz.elections.violations.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The auditors' endpoints over HTTP: the list, its filters, paging and CSV; who sees what; read-only auditors. */
class AuditApiTest extends CaseTestSupport {

    @LocalServerPort
    int port;
    HttpApi http;
    String electionId;

    @BeforeEach
    void electionOf2023() {
        http = new HttpApi(port);
        Answer created = http.post("demo", "/api/elections", Map.of("name", "Audit test " + System.nanoTime(),
                "level", "MAZHILIS", "votingDay", "2023-03-19", "timeZone", "Asia/Almaty"));
        electionId = created.body().get("id").asText();
        setClock("2023-03-01T10:00", "Asia/Almaty");
    }

    private Answer register(String kind, String region, String article, String committedOn) {
        return register(kind, region, "Offender " + region, article, committedOn);
    }

    private Answer register(String kind, String region, String offenderName, String article, String committedOn) {
        Map<String, Object> offender = new HashMap<>(Map.of("kind", kind, "name", offenderName,
                "districtCommission", "1"));
        offender.put("LEGAL_ENTITY".equals(kind) ? "bin" : "iin", TestIins.next());
        Answer created = http.post("prosecutor", "/api/cases", Map.of("electionId", electionId, "region", region,
                "committedOn", committedOn, "place", "Square", "offender", offender, "article", article,
                "source", "MONITORING", "description", "Audit test fact"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    private void completeAs(String user, String processInstanceId, String taskKey, Map<String, Object> values) {
        Answer tasks = http.get(user, "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        Answer completed = http.post(user, "/engine-rest/task/" + tasks.body().get(0).get("id").asText()
                + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
    }

    private JsonNode list(String user, String query) {
        Answer answer = http.get(user, "/api/cases?electionId=" + electionId + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theListFiltersPagesAndMasksIdentifiersForAuditors() {
        Answer first = register("CANDIDATE", "Almaty", "102", "2023-02-20");
        register("CITIZEN", "Almaty", "114", "2023-02-21");
        register("CITIZEN", "Astana", "114", "2023-02-25");
        register("LEGAL_ENTITY", "Shymkent", "120", "2023-02-27");
        String closed = first.body().get("processInstanceId").asText();
        completeAs("prosecutor", closed, "Task_CheckFact", Map.of("factConfirmed", false,
                "reason", "The leaflets were the party's, not the candidate's"));

        assertThat(list("auditor", "").get("total").asLong()).isEqualTo(4);
        assertThat(list("auditor", "&region=Almaty").get("total").asLong()).isEqualTo(2);
        assertThat(list("auditor", "&article=114").get("total").asLong()).isEqualTo(2);
        assertThat(list("auditor", "&offenderKind=LEGAL_ENTITY").at("/items/0/region").asText()).isEqualTo("Shymkent");
        assertThat(list("auditor", "&status=CLOSED").at("/items/0/caseNumber").asText())
                .isEqualTo(first.body().get("caseNumber").asText());
        assertThat(list("auditor", "&status=CLOSED").get("total").asLong()).isEqualTo(1);
        assertThat(list("auditor", "&outcome=NOT_CONFIRMED").at("/items/0/outcome").asText()).isEqualTo("NOT_CONFIRMED");
        assertThat(list("auditor", "&status=OPEN").get("total").asLong()).isEqualTo(3);
        assertThat(list("auditor", "&from=2023-02-21&to=2023-02-25").get("total").asLong()).isEqualTo(2);
        assertThat(list("auditor", "&from=2023-02-26").get("total").asLong()).isEqualTo(1);

        JsonNode page0 = list("auditor", "&size=3&page=0");
        JsonNode page1 = list("auditor", "&size=3&page=1");
        assertThat(page0.get("items")).hasSize(3);
        assertThat(page1.get("items")).hasSize(1);
        assertThat(page0.get("total").asLong()).isEqualTo(4);
        List<String> numbers = new ArrayList<>(page0.get("items").findValuesAsText("caseNumber"));
        numbers.addAll(page1.get("items").findValuesAsText("caseNumber"));
        assertThat(numbers).doesNotHaveDuplicates().hasSize(4);

        String iin = list("prosecutor", "&offenderKind=CANDIDATE").at("/items/0/offenderIin").asText();
        assertThat(iin).matches("\\d{12}");
        assertThat(list("auditor", "&offenderKind=CANDIDATE").at("/items/0/offenderIin").asText())
                .isEqualTo("********" + iin.substring(8));
        assertThat(list("auditor", "&offenderKind=LEGAL_ENTITY").at("/items/0/offenderBin").asText())
                .startsWith("********");

        assertThat(http.get("auditor", "/api/cases?status=PENDING&from=1.1.2023").status()).isEqualTo(400);
        assertThat(http.get("auditor", "/api/cases?size=100000").status()).isEqualTo(400);
        assertThat(http.get("cec", "/api/cases").status()).isEqualTo(403);
        assertThat(http.get(null, "/api/cases").status()).isEqualTo(401);
    }

    @Test
    void aDistrictCommissionReadsTheCasesOfItsOwnDistrictOnly() {
        String own = register("CANDIDATE", "Almaty", "102", "2023-02-20").body().get("caseNumber").asText();
        Map<String, Object> otherDistrict = Map.of("kind", "CANDIDATE", "name", "Candidate of district 2",
                "iin", TestIins.next(), "districtCommission", "2");
        Answer other = http.post("prosecutor", "/api/cases", Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", "2023-02-21", "place", "Square", "offender", otherDistrict, "article", "102",
                "source", "MONITORING", "description", "Audit test fact"));
        String othersCase = other.body().get("caseNumber").asText();

        JsonNode seenByDistrict1 = list("commission1", "");
        assertThat(seenByDistrict1.get("total").asLong()).isEqualTo(1);
        assertThat(seenByDistrict1.at("/items/0/caseNumber").asText()).isEqualTo(own);
        assertThat(seenByDistrict1.at("/items/0/offenderIin").asText()).matches("\\d{12}");
        assertThat(list("commission2", "").get("items").findValuesAsText("caseNumber")).containsExactly(othersCase);
        assertThat(http.get("commission1", "/api/cases.csv?electionId=" + electionId).text())
                .contains(own).doesNotContain(othersCase);

        Answer ownHistory = http.get("commission1", "/api/cases/" + own + "/history");
        assertThat(ownHistory.status()).as(ownHistory.text()).isEqualTo(200);
        assertThat(ownHistory.body().get("caseNumber").asText()).isEqualTo(own);
        Answer othersHistory = http.get("commission1", "/api/cases/" + othersCase + "/history");
        assertThat(othersHistory.status()).isEqualTo(404);
        assertThat(othersHistory.text()).doesNotContain("Candidate of district 2");

        assertThat(http.get("cec", "/api/cases").status()).isEqualTo(403);
        assertThat(http.get("cec", "/api/cases/" + own + "/history").status()).isEqualTo(403);
        assertThat(http.get("commission1", "/api/statistics").status()).isEqualTo(403);
    }

    @Test
    void theListExportsAsCsv() {
        register("CITIZEN", "Almaty", "Medeu district, Almaty", "114", "2023-02-21");
        register("CANDIDATE", "Astana", "102", "2023-02-22");
        Answer csv = http.get("auditor", "/api/cases.csv?electionId=" + electionId);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("cases.csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("caseNumber,electionId,region,code,article");
        assertThat(csv.text()).contains("\"Medeu district, Almaty\"").doesNotContainPattern(",\\d{12},");
        assertThat(http.get("prosecutor", "/api/cases.csv?electionId=" + electionId).text())
                .containsPattern(",\\d{12},");
        Answer statistics = http.get("cec", "/api/statistics.csv?electionId=" + electionId);
        assertThat(statistics.header("Content-Type")).startsWith("text/csv");
        assertThat(statistics.text()).startsWith("figure,key,value\r\nfacts,,2\r\n").contains("byArticle,114,1");
    }

    @Test
    void theStatisticsFollowEveryChangeOfTheCases() {
        long allBefore = http.get("auditor", "/api/statistics").body().get("facts").asLong();
        Answer first = register("CITIZEN", "Almaty", "114", "2023-02-21");
        JsonNode once = http.get("auditor", "/api/statistics?electionId=" + electionId).body();
        assertThat(once.get("facts").asLong()).isEqualTo(1);
        assertThat(once.at("/byOutcome/OPEN").asLong()).isEqualTo(1);

        register("CITIZEN", "Astana", "114", "2023-02-22");
        completeAs("prosecutor", first.body().get("processInstanceId").asText(), "Task_CheckFact",
                Map.of("factConfirmed", false, "reason", "No campaigning on the day the fact names"));
        JsonNode twice = http.get("auditor", "/api/statistics?electionId=" + electionId).body();
        assertThat(twice.get("facts").asLong()).isEqualTo(2);
        assertThat(twice.at("/byOutcome/OPEN").asLong()).isEqualTo(1);
        assertThat(twice.at("/byOutcome/NOT_CONFIRMED").asLong()).isEqualTo(1);
        assertThat(twice.at("/byRegion/Astana").asLong()).isEqualTo(1);
        assertThat(http.get("auditor", "/api/statistics").body().get("facts").asLong())
                .as("every election's counts, recounted where they changed").isEqualTo(allBefore + 2);
        assertThat(http.get("auditor", "/api/statistics?electionId=" + electionId + "&from=2023-02-22").body()
                .get("facts").asLong()).isEqualTo(1);
    }

    @Test
    void statisticsAreForAuditorsProsecutorsTheCecAndAdmins() {
        register("CITIZEN", "Almaty", "114", "2023-02-21");
        for (String user : List.of("auditor", "prosecutor", "cec", "demo")) {
            Answer answer = http.get(user, "/api/statistics?electionId=" + electionId);
            assertThat(answer.status()).as(user).isEqualTo(200);
            assertThat(answer.body().get("facts").asLong()).isEqualTo(1);
            assertThat(answer.body().at("/byOutcome/OPEN").asLong()).isEqualTo(1);
        }
        assertThat(http.get("commission1", "/api/statistics").status()).isEqualTo(403);
        assertThat(http.get("auditor", "/api/statistics?from=2023-03-02&to=2023-03-01").status()).isEqualTo(400);
    }

    @Test
    void auditorsChangeNothingAnywhere() {
        Answer created = register("CITIZEN", "Almaty", "114", "2023-02-21");
        String id = created.body().get("processInstanceId").asText();
        String caseNumber = created.body().get("caseNumber").asText();
        completeAs("prosecutor", id, "Task_CheckFact", Map.of("factConfirmed", true));
        completeAs("prosecutor", id, "Task_RecordCourtRuling", Map.of("rulingOutcome", "FINE", "fineMci", 30,
                "abbreviatedProcedure", false, "rulingDate", "2023-03-01"));
        String taskQuery = "/engine-rest/task?processInstanceId=" + id;

        assertThat(http.post("auditor", "/api/cases", Map.of()).status()).isEqualTo(403);
        assertThat(http.put("auditor", "/api/elections/" + electionId, Map.of("name", "X", "level", "MAZHILIS",
                "votingDay", "2030-01-01", "timeZone", "Asia/Almaty")).status()).isEqualTo(403);
        assertThat(http.post("auditor", "/api/elections", Map.of()).status()).isEqualTo(403);
        // the message would be correlated for anyone else: the case is waiting for it
        assertThat(http.post("auditor", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", caseNumber)).status()).isEqualTo(403);
        assertThat(runtimeService.getActiveActivityIds(id)).contains("Gateway_AwaitLegalEffect");
        assertThat(http.post("auditor", "/engine-rest/process-definition/key/ViolationCase/start",
                Map.of()).status()).isEqualTo(403);
        assertThat(http.send("auditor", "DELETE", "/engine-rest/process-instance/" + id, null).status())
                .isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isEqualTo(1);
        // reads, including the engine's queries by POST, still work
        assertThat(http.post("auditor", "/engine-rest/history/process-instance", Map.of("processInstanceId", id))
                .body()).hasSize(1);
        assertThat(http.post("auditor", "/engine-rest/task/count", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("auditor", taskQuery).status()).isEqualTo(200);
        // others are not affected
        assertThat(http.post("prosecutor", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", caseNumber)).status()).isIn(200, 204);
        assertThat(runtimeService.getActiveActivityIds(id)).contains("Task_RecordAppealDecision");
    }

    @Test
    void aWebappSessionReadsButDoesNotWrite() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=auditor&password=auditor")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

        assertThat(send(browser, "GET", base + "/api/statistics", null).statusCode()).isEqualTo(200);
        assertThat(send(browser, "GET", base + "/api/cases?size=1", null).statusCode()).isEqualTo(200);
        // a session alone never changes anything: the browser would send it from any site
        assertThat(send(browser, "POST", base + "/api/cases", "{}").statusCode()).isEqualTo(401);
        assertThat(send(browser, "PUT", base + "/api/elections/" + electionId, "{}").statusCode()).isEqualTo(401);
        // a session of a user without the right group reads nothing
        CookieManager otherCookies = new CookieManager();
        HttpClient commission = HttpClient.newBuilder().cookieHandler(otherCookies).build();
        commission.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String otherXsrf = otherCookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
        commission.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", otherXsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=commission1&password=commission1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(send(commission, "GET", base + "/api/statistics", null).statusCode()).isEqualTo(403);

        // without a session: Basic is asked for, except from the pages' scripts
        HttpResponse<String> anonymous = send(HttpClient.newHttpClient(), "GET", base + "/api/statistics", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/statistics")).header("X-Requested-With", "XMLHttpRequest").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).isEmpty();
        // Basic keeps working, and a Basic header wins over the session
        assertThat(http.get("auditor", "/api/statistics").status()).isEqualTo(200);
        HttpResponse<String> badBasic = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/statistics"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "nobody:nothing".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badBasic.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> send(HttpClient client, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAuditPagesAndChartJsAreServed() {
        Answer page = http.get(null, "/audit/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("/camunda/app/tasklist/").doesNotContain("https://");
        Answer statistics = http.get(null, "/audit/statistics.html");
        assertThat(statistics.text()).contains("/webjars/chart.js/dist/chart.umd.js");
        Answer chart = http.get(null, "/webjars/chart.js/dist/chart.umd.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.text()).contains("Chart");
    }
}
