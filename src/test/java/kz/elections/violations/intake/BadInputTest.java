package kz.elections.violations.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input over HTTP, as clients send it: each is refused with 400 (413 for a body too large, 404 for
 * an unknown id) and a problem body naming the field, never 500, and nothing is created or changed.
 */
class BadInputTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String START = "/engine-rest/process-definition/key/ViolationCase/start";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    HttpApi http;
    String electionId;

    @BeforeEach
    void electionInFortyDays() {
        http = new HttpApi(port);
        electionId = election(LocalDate.now(ALMATY).plusDays(40).toString(), "Asia/Almaty").id();
    }

    private Map<String, Object> candidateFact() {
        Map<String, Object> offender = new HashMap<>(Map.of("kind", "CANDIDATE", "name", "Test Candidate",
                "iin", TestIins.next(), "districtCommission", "1"));
        return new HashMap<>(Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", LocalDate.now(ALMATY).minusDays(2).toString(), "place", "Abai avenue",
                "offender", offender, "article", "102", "source", "MONITORING",
                "description", "Leaflets before the registration deadline"));
    }

    private Map<String, Object> citizenFact(String article, String part) {
        Map<String, Object> fact = candidateFact();
        offender(fact).put("kind", "CITIZEN");
        offender(fact).remove("districtCommission");
        fact.put("article", article);
        if (part != null) {
            fact.put("part", part);
        }
        return fact;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> offender(Map<String, Object> fact) {
        return (Map<String, Object>) fact.get("offender");
    }

    /** The fact as the engine's start form sets it: flat variables, each {"value": ...}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> startVariables(Map<String, Object> fact) {
        Map<String, Object> flat = new HashMap<>(fact);
        Map<String, Object> offender = (Map<String, Object>) flat.remove("offender");
        Map<String, String> names = Map.of("kind", "offenderKind", "name", "offenderName", "iin", "offenderIin",
                "bin", "offenderBin", "districtCommission", "districtCommission");
        offender.forEach((key, value) -> flat.put(names.get(key), value));
        Map<String, Object> variables = new HashMap<>();
        flat.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    private long caseCount() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("ViolationCase").count()
                + processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ViolationCase").finished().count();
    }

    private static List<String> fields(Answer answer) {
        assertThat(answer.body()).as(answer.text()).isNotNull();
        return answer.body().get("errors").findValuesAsText("field");
    }

    /** 400 with a problem body whose errors name exactly these fields. */
    private static void assertRefused(Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(answer)).as(answer.text()).containsExactlyInAnyOrder(fields);
    }

    private String message(Answer answer, String field) {
        for (JsonNode error : answer.body().get("errors")) {
            if (field.equals(error.get("field").asText())) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + answer.text());
    }

    private ProcessInstance instance(Answer created) {
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId(created.body().get("processInstanceId").asText()).singleResult();
    }

    private String taskId(ProcessInstance instance, String taskKey) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).singleResult().getId();
    }

    private Answer complete(String user, String taskId, Map<String, Object> variables) {
        return http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    @Test
    void overLongTextsAreRefusedAtIntakeOverBothApis() {
        long before = caseCount();
        Map<String, Object> fact = candidateFact();
        fact.put("description", "ж".repeat(4_001));
        fact.put("place", "p".repeat(501));
        fact.put("region", "r".repeat(101));
        offender(fact).put("name", "n".repeat(301));
        Answer refused = http.post("prosecutor", "/api/cases", fact);
        assertRefused(refused, "description", "place", "region", "offender.name");
        assertThat(message(refused, "description")).isEqualTo("must be at most 4000 characters (got 4001)");
        assertThat(message(refused, "offender.name")).isEqualTo("must be at most 300 characters (got 301)");

        Map<String, Object> unknownLongElection = candidateFact();
        unknownLongElection.put("electionId", "e".repeat(65));
        assertRefused(http.post("prosecutor", "/api/cases", unknownLongElection), "electionId");

        // the engine's start (and the Tasklist start form behind it) runs the same rules: 400, not 500
        Answer started = http.post("prosecutor", START, startVariables(fact));
        assertRefused(started, "description", "place", "region", "offender.name");
        assertThat(started.body().get("message").asText()).contains("The fact was not registered");
        assertThat(http.post("prosecutor", "/engine-rest/process-definition/key/ViolationCase/submit-form",
                startVariables(fact)).status()).isEqualTo(400);
        assertThat(caseCount()).isEqualTo(before);

        // every text at its limit fits where it is stored
        Map<String, Object> longest = candidateFact();
        longest.put("description", "ж".repeat(4_000));
        longest.put("place", "p".repeat(500));
        // the region is one of the regions, whose names are all shorter than its limit
        offender(longest).put("name", "n".repeat(300));
        ProcessInstance instance = instance(http.post("prosecutor", "/api/cases", longest));
        assertThat(runtimeService.getVariable(instance.getId(), "description")).isEqualTo("ж".repeat(4_000));
        assertThat(caseCount()).isEqualTo(before + 1);
    }

    @Test
    void controlCharactersAreRefusedInEveryTextButLineBreaksAndTabsInTheDescription() {
        long before = caseCount();
        Map<String, Object> fact = candidateFact();
        offender(fact).put("name", "Test\u0000Candidate");
        fact.put("place", "Abai\u001b[31m avenue");
        fact.put("region", "Almaty\n");
        fact.put("description", "Leaflets\u0007");
        Answer refused = http.post("prosecutor", "/api/cases", fact);
        assertRefused(refused, "offender.name", "place", "region", "description");
        assertThat(message(refused, "offender.name")).contains("control characters", "U+0000");
        assertThat(message(refused, "description")).contains("U+0007");
        assertRefused(http.post("prosecutor", START, startVariables(fact)),
                "offender.name", "place", "region", "description");
        assertThat(caseCount()).isEqualTo(before);

        Map<String, Object> multiline = candidateFact();
        multiline.put("description", "Leaflets:\r\n\tat the market\n\tat the station");
        instance(http.post("prosecutor", "/api/cases", multiline));
        assertThat(caseCount()).isEqualTo(before + 1);
    }

    @Test
    void anIdentificationNumberWithSpacesIsRefusedNotFailedInTheDatabase() {
        long before = caseCount();
        String iin = TestIins.next();
        for (String spaced : List.of(iin + " ", " " + iin, "            ")) {
            Map<String, Object> fact = candidateFact();
            offender(fact).put("iin", spaced);
            Answer refused = http.post("prosecutor", "/api/cases", fact);
            assertRefused(refused, "offender.iin");
            assertThat(message(refused, "offender.iin")).isEqualTo("must not begin or end with a space");
            assertRefused(http.post("prosecutor", START, startVariables(fact)), "offender.iin");
        }
        Map<String, Object> entity = citizenFact("102", null);
        offender(entity).put("kind", "LEGAL_ENTITY");
        offender(entity).remove("iin");
        offender(entity).put("bin", TestIins.next() + " ");
        assertRefused(http.post("prosecutor", "/api/cases", entity), "offender.bin");

        // as a number an IIN would lose its leading zeros: refused, not stored
        Map<String, Object> numeric = candidateFact();
        offender(numeric).put("iin", Long.parseLong(iin));
        assertRefused(http.post("prosecutor", START, startVariables(numeric)), "offender.iin");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void theDistrictCommissionIsAPositiveNumber() {
        long before = caseCount();
        for (String district : List.of("-1", "0", "01", "1000", " 1", "dec-1")) {
            Map<String, Object> fact = candidateFact();
            offender(fact).put("districtCommission", district);
            Answer refused = http.post("prosecutor", "/api/cases", fact);
            assertRefused(refused, "offender.districtCommission");
            assertRefused(http.post("prosecutor", START, startVariables(fact)), "offender.districtCommission");
        }
        Map<String, Object> citizen = citizenFact("102", null);
        offender(citizen).put("districtCommission", "0");
        assertRefused(http.post("prosecutor", "/api/cases", citizen), "offender.districtCommission");
        assertThat(caseCount()).isEqualTo(before);

        Map<String, Object> fact = candidateFact();
        offender(fact).put("districtCommission", "999");
        instance(http.post("prosecutor", "/api/cases", fact));
    }

    @Test
    void aPartTheCatalogueDoesNotListForTheArticleIsRefused() {
        long before = caseCount();
        Answer noParts = http.post("prosecutor", "/api/cases", citizenFact("102", "7"));
        assertRefused(noParts, "part");
        assertThat(message(noParts, "part")).isEqualTo("CAO article 102 has no part 7 in the offence catalogue; "
                + "the catalogue does not divide the article into parts: leave the part empty");
        Answer otherPart = http.post("prosecutor", "/api/cases", citizenFact("120", "1"));
        assertRefused(otherPart, "part");
        assertThat(message(otherPart, "part")).endsWith("(parts: 3)");
        assertRefused(http.post("prosecutor", "/api/cases", citizenFact("122", "07")), "part");
        assertRefused(http.post("prosecutor", START, startVariables(citizenFact("102", "7"))), "part");
        assertThat(caseCount()).isEqualTo(before);

        instance(http.post("prosecutor", "/api/cases", citizenFact("120", "3")));
        instance(http.post("prosecutor", "/api/cases", citizenFact("120", null)));
        instance(http.post("prosecutor", "/api/cases", citizenFact("122", "2")));
        assertThat(caseCount()).isEqualTo(before + 3);
    }

    @Test
    void aFineIsAFiniteNumberOfMciWithAtMostTwoDecimals() {
        ProcessInstance instance = instance(http.post("prosecutor", "/api/cases", citizenFact("102", null)));
        assertThat(complete("prosecutor", taskId(instance, "Task_CheckFact"), Map.of("factConfirmed",
                Map.of("value", true))).status()).isEqualTo(204);
        String ruling = taskId(instance, "Task_RecordCourtRuling");
        String today = LocalDate.now(ALMATY).toString();
        for (Map<String, Object> fine : List.<Map<String, Object>>of(Map.of("value", "NaN", "type", "Double"),
                Map.of("value", "Infinity", "type", "Double"), Map.of("value", "-Infinity", "type", "Double"),
                Map.of("value", 20.125, "type", "Double"), Map.of("value", 1e15, "type", "Double"))) {
            Answer refused = complete("prosecutor", ruling, Map.of("rulingOutcome", Map.of("value", "FINE"),
                    "fineMci", fine, "abbreviatedProcedure", Map.of("value", false), "rulingDate", Map.of("value", today)));
            assertRefused(refused, "fineMci");
            assertThat(taskId(instance, "Task_RecordCourtRuling")).isEqualTo(ruling);
            assertThat(runtimeService.getVariable(instance.getId(), "fineMci")).isNull();
        }
        Answer nan = complete("prosecutor", ruling, Map.of("rulingOutcome", Map.of("value", "FINE"),
                "fineMci", Map.of("value", "NaN", "type", "Double"), "abbreviatedProcedure", Map.of("value", false),
                "rulingDate", Map.of("value", today)));
        assertThat(message(nan, "fineMci")).isEqualTo("must be a finite number of MCI, got NaN");

        assertThat(complete("prosecutor", ruling, Map.of("rulingOutcome", Map.of("value", "FINE"),
                "fineMci", Map.of("value", 20.25, "type", "Double"), "abbreviatedProcedure", Map.of("value", false),
                "rulingDate", Map.of("value", today))).status()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instance.getId(), "fineMci")).isEqualTo(20.25);
    }

    @Test
    void aDecisionNumberIsShortPlainText() {
        ProcessInstance instance = startCase(elections.get(electionId), "CANDIDATE", "102",
                LocalDate.now(ALMATY).minusDays(2).toString());
        bringToLegalEffectWait(instance, LocalDate.now(ALMATY).toString());
        fire(instance, "Event_AppealPeriodExpired");
        String cancellation = taskId(instance, "Task_CancelRegistration");
        assertRefused(complete("commission1", cancellation, Map.of("decisionNumber", Map.of("value", "12/3\u0000"))),
                "decisionNumber");
        assertRefused(complete("commission1", cancellation, Map.of("decisionNumber", Map.of("value", "1".repeat(101)))),
                "decisionNumber");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CancelRegistration");
        assertThat(complete("commission1", cancellation, Map.of("decisionNumber", Map.of("value", "12/3")))
                .status()).isEqualTo(204);
    }

    @Test
    void anObjectVariableIsRefusedNamingIt() {
        Map<String, Object> serialized = Map.of("type", "Object", "value", "rO0ABXQAA2FiYw==", "valueInfo",
                Map.of("objectTypeName", "java.lang.String",
                        "serializationDataFormat", "application/x-java-serialized-object"));
        ProcessInstance instance = instance(http.post("prosecutor", "/api/cases", candidateFact()));
        String check = taskId(instance, "Task_CheckFact");
        // a field of the task's form, sent as a serialized object (any other name the integrity gate refuses first)
        Answer completion = complete("prosecutor", check, Map.of("factConfirmed", serialized));
        assertRefused(completion, "factConfirmed");
        assertThat(message(completion, "factConfirmed")).contains("serialized Java object");
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckFact");
        assertThat(runtimeService.getVariable(instance.getId(), "factConfirmed")).isNull();

        long before = caseCount();
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = new HashMap<>((Map<String, Object>) startVariables(candidateFact())
                .get("variables"));
        variables.put("description", serialized);
        assertRefused(http.post("prosecutor", START, Map.of("variables", variables)), "description");
        assertThat(caseCount()).isEqualTo(before);

        // an admin's variable change, and an Object in JSON, for which the engine has no serializer either
        Answer put = http.send("demo", "PUT", "/engine-rest/process-instance/" + instance.getId()
                + "/variables/payload", Map.of("type", "Object", "value", "{}", "valueInfo", Map.of("objectTypeName",
                "java.util.HashMap", "serializationDataFormat", "application/json")),
                Map.of("X-Intervention-Reason", "a%20correction"));
        assertRefused(put, "payload");
        assertThat(runtimeService.getVariable(instance.getId(), "payload")).isNull();
    }

    @Test
    void aVotingDayIsNotMovedIntoThePastNorCenturiesAhead() {
        LocalDate today = LocalDate.now(ALMATY);
        String id = electionId;
        Answer past = http.put("demo", "/api/elections/" + id, Map.of("name", "Moved", "level", "MAZHILIS",
                "votingDay", today.minusDays(1).toString(), "timeZone", "Asia/Almaty"));
        assertRefused(past, "votingDay");
        assertThat(message(past, "votingDay")).startsWith("must not be in the past (today is " + today);
        Answer farAhead = http.put("demo", "/api/elections/" + id, Map.of("name", "Moved", "level", "MAZHILIS",
                "votingDay", "2999-03-19", "timeZone", "Asia/Almaty"));
        assertRefused(farAhead, "votingDay");
        JsonNode unchanged = http.get("demo", "/api/elections/" + id).body();
        assertThat(unchanged.get("votingDay").asText()).isEqualTo(today.plusDays(40).toString());
        assertThat(unchanged.get("name").asText()).startsWith("Test election");

        int elections = http.get("demo", "/api/elections").body().size();
        assertRefused(http.post("demo", "/api/elections", Map.of("name", "Far", "level", "MAZHILIS",
                "votingDay", today.plusYears(10).plusDays(1).toString(), "timeZone", "Asia/Almaty")), "votingDay");
        assertRefused(http.post("demo", "/api/elections", Map.of("name", "Far", "level", "MAZHILIS",
                "votingDay", "+999999999-12-31", "timeZone", "Asia/Almaty")), "votingDay");
        assertRefused(http.post("demo", "/api/elections", Map.of("name", "N\u0000", "level", "MAZHILIS",
                "votingDay", "1900-01-01", "timeZone", "Asia/Almaty")), "name", "votingDay");
        assertThat(http.get("demo", "/api/elections").body().size()).isEqualTo(elections);

        // a past election may be recorded, and corrected while it keeps its voting day
        Answer history = http.post("demo", "/api/elections", Map.of("name", "Maslikhats 2023", "level", "MASLIKHAT",
                "votingDay", "2023-03-19", "timeZone", "Asia/Almaty"));
        assertThat(history.status()).as(history.text()).isEqualTo(201);
        String historyId = history.body().get("id").asText();
        assertThat(http.put("demo", "/api/elections/" + historyId, Map.of("name", "Maslikhats 2023 (corrected)",
                "level", "MASLIKHAT", "votingDay", "2023-03-19", "timeZone", "Asia/Almaty")).status()).isEqualTo(200);
        Answer moved = http.put("demo", "/api/elections/" + historyId, Map.of("name", "Maslikhats 2023",
                "level", "MASLIKHAT", "votingDay", "2023-03-20", "timeZone", "Asia/Almaty"));
        assertRefused(moved, "votingDay");
        assertThat(http.get("demo", "/api/elections/" + historyId).body().get("votingDay").asText())
                .isEqualTo("2023-03-19");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        long before = caseCount();
        Map<String, Object> fact = candidateFact();
        fact.put("description", "x".repeat(70_000));
        Answer declared = http.post("prosecutor", "/api/cases", fact);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");
        assertThat(declared.body().get("detail").asText()).contains("at most 65536 bytes");

        String json = JSON.writeValueAsString(fact);
        assertThat(chunked("prosecutor", "/api/cases", json).statusCode()).isEqualTo(413);
        assertThat(chunked("prosecutor", START, JSON
                .writeValueAsString(startVariables(fact))).statusCode()).isEqualTo(413);
        assertThat(caseCount()).isEqualTo(before);

        // a chunked body within the limit is read as usual
        HttpResponse<String> small = chunked("prosecutor", "/api/cases",
                JSON.writeValueAsString(candidateFact()));
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);

        // a deployment is multipart and may be larger (5 MiB)
        long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
        String padded = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://kz.elections/test">
                  <!-- %s -->
                  <process id="BodyLimitProbe" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start"/>
                  </process>
                </definitions>
                """.formatted("x".repeat(100_000));
        Answer deployed = http.deploy("demo", "body-limit-probe.bpmn", padded);
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        assertThat(statusOfDeclaredDeployment(5 * 1024 * 1024 + 1)).startsWith("HTTP/1.1 413");
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments + 1);
    }

    private HttpResponse<String> chunked(String user, String path, String json) throws IOException, InterruptedException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", basic(user))
                // a body of unknown length goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The status line of the answer to a deployment declared as too large: the request's head only, with
     * {@code Expect: 100-continue}, as a client that waits to be invited before it sends megabytes.
     */
    private String statusOfDeclaredDeployment(long length) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /engine-rest/deployment/create HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + basic("demo") + "\r\nContent-Type: multipart/form-data; boundary=probe\r\n"
                    + "Content-Length: " + length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = answer.readLine();
            while (line != null && (line.isEmpty() || line.startsWith("HTTP/1.1 100"))) {
                // the container may invite the body at once; the filter's answer follows
                line = answer.readLine();
            }
            return line;
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownIdsOnTheEngineRestApiAre404() {
        List<Answer> answers = List.of(
                http.get("prosecutor", "/engine-rest/task/unknown/form-variables"),
                http.get("prosecutor", "/engine-rest/task/unknown/variables"),
                http.post("prosecutor", "/engine-rest/task/unknown/claim", Map.of("userId", "prosecutor")),
                http.put("demo", "/engine-rest/process-definition/unknown/suspended", Map.of("suspended", true)),
                http.post("demo", "/engine-rest/process-definition/unknown/start", Map.of()),
                http.put("demo", "/engine-rest/job/unknown/retries", Map.of("retries", 1)),
                http.get("demo", "/engine-rest/process-instance/unknown/variables"),
                http.post("demo", "/engine-rest/process-instance/unknown/variables",
                        Map.of("modifications", Map.of("a", Map.of("value", 1)))),
                http.post("demo", "/engine-rest/execution/unknown/signal", Map.of()),
                http.put("demo", "/engine-rest/group/unknown/members/unknown", null));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(404);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body().get("message").asText()).containsIgnoringCase("unknown");
        });
        // the engine's own 404s stay as they are
        assertThat(http.get("demo", "/engine-rest/process-definition/unknown/xml").status()).isEqualTo(404);
        // the webapps' mount of the API (Tasklist) answers the same
        JsonNode tasklist = new TasklistSession(port, "prosecutor")
                .get("/camunda/api/engine/engine/default/task/unknown/variables");
        assertThat(tasklist.get("status").asInt()).isEqualTo(404);
        // a case message to a case number nobody has: the integrity gate answers 404 before the engine
        Answer message = http.post("prosecutor", "/engine-rest/message",
                Map.of("messageName", "AppealFiled", "businessKey", "unknown"));
        assertThat(message.status()).as(message.text()).isEqualTo(404);
        assertThat(message.body().get("detail").asText()).contains("unknown");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusedCompletionOrStartIsOneWarnLineWithoutAStackTrace(CapturedOutput output) {
        ch.qos.logback.classic.Logger engineContext = ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger("org.camunda.bpm.engine.context");
        Level testLevel = engineContext.getLevel();
        engineContext.setLevel(Level.INFO);
        try {
            ProcessInstance instance = instance(http.post("prosecutor", "/api/cases", candidateFact()));
            int from = output.length();
            Answer refused = complete("prosecutor", taskId(instance, "Task_CheckFact"),
                    Map.of("factConfirmed", Map.of("value", "yes")));
            assertRefused(refused, "factConfirmed");
            assertOneWarnLine(output.toString().substring(from), "factConfirmed");

            from = output.length();
            Map<String, Object> fact = candidateFact();
            fact.put("electionId", "no-such-election");
            assertRefused(http.post("prosecutor", START, startVariables(fact)), "electionId");
            assertOneWarnLine(output.toString().substring(from), "no election with id no-such-election");
        } finally {
            engineContext.setLevel(testLevel);
        }
    }

    private static void assertOneWarnLine(String log, String naming) {
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("\tat ").doesNotContain("ENGINE-16004")
                .doesNotContain("ENGINE-REST-HTTP500");
        assertThat(log.lines().filter(line -> line.contains(" WARN ")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("Refused input", naming));
    }
}
