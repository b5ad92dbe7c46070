package kz.elections.violations.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms staff fill in: every choice that closes or routes a case is an explicit, required
 * radio group without a preselected answer; each choice against the case asks for a reason, and only
 * then; every word is Kazakh then Russian; every task form links to the case's page.
 */
class DecisionFormsTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The start form of a case: written by the intake, checked with it; it has no case page yet. */
    private static final String START_FORM = "register-fact.form";

    /** Decision field, its answers, and the answers that are a choice against the case (need a reason). */
    private record Decision(String form, String key, List<Object> values, List<Object> negative) {
    }

    private static final List<Decision> DECISIONS = List.of(
            new Decision("check-fact.form", "factConfirmed", List.of(true, false), List.of(false)),
            new Decision("check-fact.form", "duplicateResolution", List.of("SEPARATE", "LINKED"), List.of("LINKED")),
            new Decision("decide-consent.form", "consentGranted", List.of(true, false), List.of(false)),
            new Decision("record-appeal-decision.form", "appealUpheld", List.of(true, false), List.of(false)),
            new Decision("record-court-ruling.form", "rulingOutcome", List.of("FINE", "WARNING", "DISMISSED"),
                    List.of("DISMISSED")));

    static Stream<Path> forms() throws IOException {
        return Files.list(FORMS).filter(file -> file.toString().endsWith(".form")).sorted();
    }

    static Stream<Path> taskForms() throws IOException {
        return forms().filter(file -> !file.getFileName().toString().equals(START_FORM));
    }

    static Stream<Decision> decisions() {
        return DECISIONS.stream();
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void aDecisionIsARequiredRadioGroupWithoutADefault(Decision decision) throws IOException {
        JsonNode field = component(decision.form(), decision.key()).orElseThrow();
        assertThat(field.path("type").asText()).as(decision.key()).isEqualTo("radio");
        assertThat(field.at("/validate/required").asBoolean()).as(decision.key() + " required").isTrue();
        assertThat(field.has("defaultValue")).as(decision.key() + " has no preselected answer").isFalse();
        List<Object> values = new ArrayList<>();
        field.path("values").forEach(option -> values.add(JSON.convertValue(option.get("value"), Object.class)));
        assertThat(values).as("the answers, typed as the API takes them").containsExactlyElementsOf(decision.values());
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void aChoiceAgainstTheCaseAsksForAReasonAndOnlyThen(Decision decision) throws IOException {
        JsonNode reason = component(decision.form(), "reason").orElseThrow();
        assertThat(reason.path("type").asText()).isEqualTo("textarea");
        // shown only for a choice against the case, and required by the server then: a required field that
        // form-js hides again keeps its error and leaves Tasklist's Complete button disabled
        assertThat(reason.at("/validate/required").asBoolean()).isFalse();
        assertThat(reason.path("description").asText()).containsIgnoringCase("міндетті").containsIgnoringCase("обязательно");
        String hide = reason.at("/conditional/hide").asText();
        for (Object negative : decision.negative()) {
            String shownWhen = decision.key() + " = " + (negative instanceof String text ? "\"" + text + "\"" : negative);
            assertThat(hide).as("the reason is shown for " + shownWhen).startsWith("=not(").contains(shownWhen);
        }
        for (Object value : decision.values()) {
            if (!decision.negative().contains(value)) {
                String positive = decision.key() + " = " + (value instanceof String text ? "\"" + text + "\"" : value);
                assertThat(hide).as("no reason asked for " + positive).doesNotContain(positive);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void noChoiceIsATickBox(Path form) throws IOException {
        List<String> decisionKeys = DECISIONS.stream().map(Decision::key).toList();
        for (JsonNode component : components(form)) {
            if (decisionKeys.contains(component.path("key").asText())) {
                assertThat(component.path("type").asText()).as(form + ": " + component.path("key")).isEqualTo("radio");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("taskForms")
    void everyWordIsKazakhThenRussian(Path form) throws IOException {
        for (JsonNode component : components(form)) {
            for (String text : texts(component)) {
                String words = readable(text);
                assertThat(words).as(form + " " + component.path("id").asText() + ": no Latin letters in \"" + text + "\"")
                        .doesNotContainPattern("[A-Za-z]");
                if (!words.isBlank() && !words.matches("[\\d\\s.,:;()/–-]*")) {
                    assertThat(words).as(form + " " + component.path("id").asText() + ": Kazakh / Russian").contains(" / ");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("taskForms")
    void everyTaskFormLinksToTheCasePage(Path form) throws IOException {
        // a complaint's triage comes before any case: its form links to the complaint instead
        boolean triage = form.getFileName().toString().equals("triage-complaint.form");
        String link = triage ? "href=\"/api/complaints/{{trackingNumber}}\"" : "href=\"/cases/{{caseNumber}}\"";
        String words = triage ? "Шағым толығымен" : "Іс парағы / Страница дела";
        assertThat(components(form)).as(form.toString()).anySatisfy(component -> assertThat(
                component.path("content").asText() + component.path("text").asText()).contains(link, words));
    }

    @Test
    void theRulingFormShowsTheRangeAndPricesTheFineAndTakesTheDateAsStaffWriteIt() throws IOException {
        JsonNode range = component("record-court-ruling.form", null, "Text_fineRange").orElseThrow();
        assertThat(range.path("content").asText()).contains("{{fineMinMci}}", "{{fineMaxMci}}", "{{mciTenge}}");
        JsonNode tenge = component("record-court-ruling.form", null, "Text_fineTenge").orElseThrow();
        assertThat(tenge.path("content").asText()).contains("{{decimal(fineMci * mciTenge, 0)}}");
        assertThat(tenge.at("/conditional/hide").asText()).contains("fineMci = null", "mciTenge = null");
        JsonNode date = component("record-court-ruling.form", "rulingDate").orElseThrow();
        assertThat(date.path("type").asText()).isEqualTo("textfield");
        assertThat(date.at("/validate/pattern").asText()).isEqualTo("^\\d{2}\\.\\d{2}\\.\\d{4}$");
        assertThat(date.path("description").asText()).startsWith("КК.АА.ЖЖЖЖ / ДД.ММ.ГГГГ");
    }

    @Test
    void theRegistrationFormsWriteOutTheFreezeMomentWhenTheCaseHasIt() throws IOException {
        for (String form : List.of("cancel-registration.form", "restore-registration.form")) {
            JsonNode freeze = component(form, null, "Text_freeze").orElseThrow();
            assertThat(freeze.path("content").asText()).contains("до {{registrationFreezeFromText}}");
            assertThat(freeze.at("/conditional/hide").asText()).contains("registrationFreezeFromText = null");
        }
    }

    /** What a person reads: without templating expressions, HTML tags and entities. */
    private static String readable(String text) {
        return text.replaceAll("\\{\\{[^}]*}}", " ").replaceAll("<[^>]*>", " ").replaceAll("&[a-z]+;", " ");
    }

    private static List<String> texts(JsonNode component) {
        List<String> texts = new ArrayList<>();
        for (String member : List.of("label", "description", "text", "content", "dateLabel", "timeLabel")) {
            if (component.hasNonNull(member)) {
                texts.add(component.get(member).asText());
            }
        }
        component.path("values").forEach(option -> texts.add(option.path("label").asText()));
        return texts;
    }

    private static Optional<JsonNode> component(String form, String key) throws IOException {
        return component(form, key, null);
    }

    private static Optional<JsonNode> component(String form, String key, String id) throws IOException {
        return components(FORMS.resolve(form)).stream()
                .filter(c -> key == null || key.equals(c.path("key").asText()))
                .filter(c -> id == null || id.equals(c.path("id").asText()))
                .findFirst();
    }

    private static List<JsonNode> components(Path form) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        collect(JSON.readTree(form.toFile()).path("components"), all);
        return all;
    }

    private static void collect(JsonNode components, List<JsonNode> all) {
        for (JsonNode component : components) {
            all.add(component);
            collect(component.path("components"), all);
        }
    }

}
