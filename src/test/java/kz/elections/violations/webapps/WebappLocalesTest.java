package kz.elections.violations.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Kazakh and Russian translation files of the four Camunda webapps against Camunda's English file of
 * the same webapp: every key and no other, every placeholder, HTML tag and entity kept, nothing left empty
 * and nothing left in English but brand names, format names and symbols.
 */
class WebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    /** A value such as {@code <version>}: a hint shown as text in an input, translated like any text. */
    private static final Pattern TEXT_HINT = Pattern.compile("<[A-Za-z]+>");
    private static final Pattern ENTITY = Pattern.compile("&[a-zA-Z]+;");
    /** Values that read the same in every language: product and format names, symbols, moment.js formats. */
    private static final Set<String> SAME_AS_ENGLISH = Set.of(
            "Camunda", "Cockpit", "Camunda Cockpit", "Tasklist", "Admin", "Optimize",
            "BPMN", "DMN", "CMMN", "FEEL", "JSON", "XML", "CSV", "URL", "ID", "ID*",
            "<", "<=", ">", ">=", "<null>", "<undefined>",
            "L", "HH:mm", "OK", "null", "requestPayload", "YYYY-MM-DDTHH:mm:ss",
            // the engine's own names of variable types, as Cockpit's type selector and the REST API spell them
            "Boolean", "Double", "Integer", "Long", "Short", "String");

    static Stream<Arguments> translations() {
        return Stream.of("tasklist", "cockpit", "admin", "welcome")
                .flatMap(app -> Stream.of("kk", "ru").map(language -> Arguments.of(app, language)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("translations")
    void hasEveryKeyOfTheEnglishFileAndNoOther(String app, String language) throws IOException {
        Map<String, JsonNode> english = leaves(camundaEnglish(app));
        Map<String, JsonNode> ours = leaves(ours(app, language));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(ours.keySet());
        Set<String> extra = new TreeSet<>(ours.keySet());
        extra.removeAll(english.keySet());

        assertSoftly(softly -> {
            softly.assertThat(missing).as("keys of %s/en.json missing in %s.json", app, language).isEmpty();
            softly.assertThat(extra).as("keys in %s/%s.json that en.json does not have", app, language).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("translations")
    void keepsPlaceholdersTagsAndEntitiesAndLeavesNothingEmpty(String app, String language) throws IOException {
        Map<String, JsonNode> english = leaves(camundaEnglish(app));
        Map<String, JsonNode> ours = leaves(ours(app, language));
        List<String> problems = new ArrayList<>();

        english.forEach((key, englishValue) -> {
            JsonNode ourValue = ours.get(key);
            if (ourValue == null || !englishValue.isTextual()) {
                return;
            }
            String en = englishValue.asText();
            String translated = ourValue.asText();
            // Cockpit glues an English plural "s" to a count; a language without such a suffix leaves it blank
            if (translated.isBlank() && !en.isBlank() && !en.equals("s")) {
                problems.add(key + " is empty");
            }
            for (Pattern kept : List.of(PLACEHOLDER, HTML_TAG, ENTITY)) {
                if (kept == HTML_TAG && TEXT_HINT.matcher(en).matches()) {
                    continue;
                }
                List<String> expected = sorted(matches(kept, en));
                List<String> actual = sorted(matches(kept, translated));
                if (!expected.equals(actual)) {
                    problems.add(key + ": expected " + expected + " but has " + actual);
                }
            }
        });

        assertThat(problems).as("%s/%s.json against en.json", app, language).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("translations")
    void leavesInEnglishOnlyBrandAndFormatNamesAndSymbols(String app, String language) throws IOException {
        Map<String, JsonNode> english = leaves(camundaEnglish(app));
        Map<String, JsonNode> ours = leaves(ours(app, language));
        Map<String, String> untranslated = new LinkedHashMap<>();

        english.forEach((key, englishValue) -> {
            JsonNode ourValue = ours.get(key);
            if (ourValue != null && englishValue.isTextual() && !englishValue.asText().isEmpty()
                    && englishValue.asText().equals(ourValue.asText())
                    && !SAME_AS_ENGLISH.contains(englishValue.asText().trim())) {
                untranslated.put(key, englishValue.asText());
            }
        });

        assertThat(untranslated).as("values of %s/%s.json still in English", app, language).isEmpty();
    }

    /** Camunda's English file, from the webjar on the class path (UTF-8 with a byte order mark). */
    static JsonNode camundaEnglish(String app) throws IOException {
        return read(resource(app, "en"));
    }

    /** Our file: the webjar has no kk or ru, so the class path lookup finds the application's own. */
    static JsonNode ours(String app, String language) throws IOException {
        URL url = resource(app, language);
        assertThat(url).as("our %s translation of %s (src/main/resources%s)", language, app, path(app, language))
                .isNotNull();
        assertThat(url.getProtocol()).as("our %s translation of %s comes from the application's classes",
                language, app).isEqualTo("file");
        return read(url);
    }

    private static URL resource(String app, String language) {
        return WebappLocalesTest.class.getResource(path(app, language));
    }

    private static String path(String app, String language) {
        return "/META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    }

    private static JsonNode read(URL url) throws IOException {
        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Every leaf value by its path, e.g. {@code labels.CLAIM_TASK} or {@code dateLocales.months[0]}. */
    static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }
}
