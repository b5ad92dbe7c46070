package kz.elections.violations.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.elections.violations.election.ElectionRepository;
import kz.elections.violations.support.CaseTestSupport;
import kz.elections.violations.support.HttpApi;
import kz.elections.violations.support.HttpApi.Answer;
import kz.elections.violations.support.TasklistSession;
import kz.elections.violations.support.TestIins;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The prosecutor's start form in Tasklist: bilingual, the election chosen by name from the elections
 * that take facts, the day typed as dd.MM.yyyy; and refusals worded in the caller's language with the
 * field's label and the rule, never the engine's prefix or an id.
 */
class StartFormAndRefusalsTest extends CaseTestSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String DEFINITION = "/process-definition/key/ViolationCase";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ElectionRepository electionRepository;
    HttpApi http;
    String electionId;
    String electionName;

    @BeforeEach
    void anElectionTakingFacts() {
        http = new HttpApi(port);
        electionName = "Мәжіліс сайлауы " + System.nanoTime();
        Answer created = http.post("demo", "/api/elections", Map.of("name", electionName, "level", "MAZHILIS",
                "votingDay", LocalDate.now(ALMATY).plusDays(40).toString(), "timeZone", "Asia/Almaty"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        electionId = created.body().get("id").asText();
    }

    @Test
    void theFormSpeaksKazakhThenRussianAndOffersTheElectionsByName() throws IOException {
        JsonNode form = JSON.readTree(Files.readString(Path.of("forms/register-fact.form")));
        List<String> texts = new ArrayList<>();
        collectTexts(form.path("components"), texts);
        assertThat(texts).hasSizeGreaterThan(40).allSatisfy(text -> {
            assertThat(text).as("bilingual: Kazakh / Russian").contains(" / ");
            assertThat(text).as("no English").doesNotContainPattern("[A-Za-z]{2,}");
        });

        JsonNode election = component(form, "electionId");
        assertThat(election.path("type").asText()).isEqualTo("select");
        assertThat(election.path("valuesKey").asText()).isEqualTo("elections");
        assertThat(election.has("values")).isFalse();
        JsonNode day = component(form, "committedOn");
        assertThat(day.path("type").asText()).isEqualTo("textfield");
        assertThat(day.path("description").asText()).isEqualTo("КК.АА.ЖЖЖЖ / ДД.ММ.ГГГГ");
        assertThat(day.path("validate").path("pattern").asText()).isEqualTo("^\\d{2}\\.\\d{2}\\.\\d{4}$");
        JsonNode district = component(form, "districtCommission");
        assertThat(district.path("validate").path("required").asBoolean()).isTrue();
        assertThat(district.path("conditional").path("hide").asText())
                .isEqualTo("=not(offenderKind = \"CANDIDATE\" or offenderKind = \"OBSERVER\")");
    }

    @Test
    void theStartFormReadOffersEveryElectionThatTakesFactsAndNothingElse() throws IOException {
        TasklistSession tasklist = new TasklistSession(port, "prosecutor");
        List<String> before = electionIds();
        HttpResponse<String> deployed = tasklist.call("GET", WEBAPP_ENGINE + DEFINITION + "/deployed-start-form",
                null, "ru");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        JsonNode select = component(JSON.readTree(deployed.body()), "electionId");
        assertThat(select.has("valuesKey")).isFalse();
        List<String> offered = select.path("values").findValuesAsText("value");
        assertThat(offered).containsAll(before).isSubsetOf(electionIds());
        assertThat(select.path("values")).anySatisfy(option -> {
            assertThat(option.path("label").asText()).isEqualTo(electionName);
            assertThat(option.path("value").asText()).isEqualTo(electionId);
        });

        Answer variables = http.get("prosecutor", "/engine-rest" + DEFINITION + "/form-variables");
        assertThat(variables.status()).as(variables.text()).isEqualTo(200);
        JsonNode elections = variables.body().path("elections");
        assertThat(elections.path("type").asText()).isEqualTo("Json");
        assertThat(JSON.readTree(elections.path("value").asText()))
                .anySatisfy(option -> assertThat(option.path("value").asText()).isEqualTo(electionId));

        // a query parameter cannot add an option
        Answer smuggled = http.get("prosecutor", "/engine-rest" + DEFINITION
                + "/deployed-start-form?elections=%5B%7B%22label%22%3A%22x%22%2C%22value%22%3A%22evil%22%7D%5D");
        assertThat(component(smuggled.body(), "electionId").path("values"))
                .noneSatisfy(option -> assertThat(option.path("value").asText()).isEqualTo("evil"));
    }

    @Test
    void aDayTypedAsStaffWriteItRegistersTheCaseWithItsIsoDay() throws IOException {
        LocalDate committed = LocalDate.now(ALMATY).minusDays(3);
        Map<String, Object> fact = candidateFact(TestIins.next());
        fact.put("committedOn", committed.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        TasklistSession tasklist = new TasklistSession(port, "prosecutor");
        HttpResponse<String> started = tasklist.call("POST", WEBAPP_ENGINE + DEFINITION + "/submit-form",
                submission(fact), "kk");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String caseNumber = JSON.readTree(started.body()).path("businessKey").asText();
        assertThat(caseNumber).matches("\\d{4}-\\d{6}");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(runtimeService.getVariable(instance.getId(), "committedOn")).isEqualTo(committed.toString());
    }

    @Test
    void aRefusedStartReadsAsAPersonSaysItInKazakhAndRussian() throws IOException {
        Map<String, Object> fact = candidateFact("123456789012");
        Answer kazakh = http.send("prosecutor", "POST", "/engine-rest" + DEFINITION + "/submit-form",
                submission(fact), Map.of("Accept-Language", "kk-KZ,kk;q=0.9"));
        assertThat(kazakh.status()).as(kazakh.text()).isEqualTo(400);
        assertThat(kazakh.body().path("message").asText())
                .isEqualTo("Факт тіркелмеді. Құқық бұзушының ЖСН: ЖСН бақылау цифры дұрыс 12 цифрдан тұрады.");
        assertThat(kazakh.body().path("errors").get(0).path("field").asText()).isEqualTo("offender.iin");

        TasklistSession tasklist = new TasklistSession(port, "prosecutor");
        HttpResponse<String> russian = tasklist.call("POST", WEBAPP_ENGINE + DEFINITION + "/submit-form",
                submission(fact), "ru-RU,ru;q=0.9,en;q=0.5");
        assertThat(russian.statusCode()).isEqualTo(400);
        String message = JSON.readTree(russian.body()).path("message").asText();
        assertThat(message).isEqualTo("Факт не зарегистрирован. ИИН нарушителя: "
                + "ИИН состоит из 12 цифр с верной контрольной цифрой.");
        assertReadable(message);

        // a browser asking for none of kk, ru, en reads Tasklist's refusal in Russian
        HttpResponse<String> german = tasklist.call("POST", WEBAPP_ENGINE + DEFINITION + "/submit-form",
                submission(fact), "de-DE,de;q=0.9");
        assertThat(JSON.readTree(german.body()).path("message").asText()).isEqualTo(message);
    }

    @Test
    void aRefusedCompletionReadsAsAPersonSaysItInKazakhAndRussian() throws IOException {
        Answer created = http.post("prosecutor", "/api/cases", apiFact());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Task check = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(created.body().get("processInstanceId").asText())
                .taskDefinitionKey("Task_CheckFact").singleResult();
        String completion = JSON.writeValueAsString(Map.of("variables",
                Map.of("factConfirmed", Map.of("value", "perhaps"))));

        TasklistSession tasklist = new TasklistSession(port, "prosecutor");
        HttpResponse<String> kazakh = tasklist.call("POST", WEBAPP_ENGINE + "/task/" + check.getId() + "/submit-form",
                completion, "kk");
        assertThat(kazakh.statusCode()).as(kazakh.body()).isEqualTo(400);
        String kazakhMessage = JSON.readTree(kazakh.body()).path("message").asText();
        assertThat(kazakhMessage).startsWith("Тапсырма аяқталмады. Факт расталды ма: ")
                .contains("ұсынылған жауаптардың бірін таңдаңыз");
        assertReadable(kazakhMessage);

        Answer russian = http.send("prosecutor", "POST", "/engine-rest/task/" + check.getId() + "/complete",
                completion, Map.of("Accept-Language", "ru"));
        assertThat(russian.status()).as(russian.text()).isEqualTo(400);
        assertThat(russian.body().path("message").asText()).startsWith("Задача не завершена. Подтверждён ли факт: ")
                .contains("выберите один из предложенных ответов");
        assertThat(russian.body().path("errors").get(0).path("field").asText()).isEqualTo("factConfirmed");
        assertReadable(russian.body().path("message").asText());
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);
    }

    @Test
    void aRestClientNamingNoLanguageKeepsTheRulesEnglishWordsWithoutTheEnginePrefix() {
        Answer refused = http.post("prosecutor", "/engine-rest" + DEFINITION + "/submit-form",
                JSON.valueToTree(Map.of("variables", variables(candidateFact("123456789012")))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("message").asText())
                .isEqualTo("The fact was not registered: offender.iin: an IIN is 12 digits with a valid check digit");

        Map<String, Object> fact = apiFact();
        fact.put("committedOn", "01.03.20x3");
        Answer api = http.post("prosecutor", "/api/cases", fact);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.body().path("errors").get(0).path("field").asText()).isEqualTo("committedOn");
        assertThat(api.body().path("errors").get(0).path("message").asText())
                .isEqualTo("must be an ISO date such as 2023-03-01");
    }

    private static void assertReadable(String message) {
        assertThat(message).doesNotContain("Cannot instantiate", "ViolationCase", "process definition",
                "offender.iin", "factConfirmed", "Exception");
        assertThat(message).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
    }

    private List<String> electionIds() {
        return electionRepository.findAll().stream().map(election -> election.id()).toList();
    }

    private Map<String, Object> candidateFact(String iin) {
        Map<String, Object> fact = new HashMap<>(Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", LocalDate.now(ALMATY).minusDays(2).toString(), "place", "Абай даңғылы 10",
                "offenderKind", "CANDIDATE", "offenderName", "Айдос Кандидатов", "offenderIin", iin,
                "districtCommission", "1", "article", "102", "source", "MONITORING"));
        fact.put("description", "Тіркеу мерзімі біткенге дейін үнпарақтар таратылды");
        return fact;
    }

    private Map<String, Object> apiFact() {
        Map<String, Object> fact = new HashMap<>(Map.of("electionId", electionId, "region", "Almaty",
                "committedOn", LocalDate.now(ALMATY).minusDays(2).toString(), "place", "Абай даңғылы 10",
                "article", "102", "source", "MONITORING", "description", "Үнпарақтар таратылды"));
        fact.put("offender", Map.of("kind", "CANDIDATE", "name", "Айдос Кандидатов", "iin", TestIins.next(),
                "districtCommission", "1"));
        return fact;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private static String submission(Map<String, Object> values) throws IOException {
        return JSON.writeValueAsString(Map.of("variables", variables(values)));
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no component " + key);
    }

    private static void collectTexts(JsonNode components, List<String> texts) {
        for (JsonNode component : components) {
            for (String property : List.of("label", "description", "text", "dateLabel")) {
                if (component.hasNonNull(property)) {
                    texts.add(component.get(property).asText());
                }
            }
            component.path("values").forEach(option -> texts.add(option.path("label").asText()));
            collectTexts(component.path("components"), texts);
        }
    }
}
