package kz.elections.violations.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person reads in one language, from the application's own files: Tasklist's labels, the words of
 * the case and audit pages, and the refusals' labels and rules. A walk asserts these on the screen.
 */
final class Words {

    final String language;
    private final JsonNode tasklist;
    private final JsonNode pages;
    private final Properties refusals = new Properties();

    Words(String language) {
        this.language = language;
        ObjectMapper json = new ObjectMapper();
        try (InputStream labels = resource("/META-INF/resources/webjars/camunda/app/tasklist/locales/" + language + ".json");
             InputStream words = resource("/static/i18n/" + language + ".json");
             InputStream rules = resource("/i18n/refusals_" + language + ".properties")) {
            this.tasklist = json.readTree(labels).get("labels");
            this.pages = json.readTree(words);
            refusals.load(new InputStreamReader(rules, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream stream = Words.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("no " + path + " on the class path");
        }
        return stream;
    }

    /** A Tasklist label, e.g. START_PROCESS. */
    String tasklist(String key) {
        return text(tasklist.get(key), key);
    }

    /** A word of the case and audit pages, e.g. "timeline.pageTitle", with {placeholders} filled in pairs. */
    String page(String key, String... placeholdersAndValues) {
        JsonNode node = pages.get(key);
        if (node == null) {
            node = pages;
            for (String part : key.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
        }
        String text = text(node, key);
        for (int i = 0; i + 1 < placeholdersAndValues.length; i += 2) {
            text = text.replace("{" + placeholdersAndValues[i] + "}", placeholdersAndValues[i + 1]);
        }
        return text;
    }

    /** A refusal's words, e.g. "field.offender.iin" or "rule.iin.checkDigit". */
    String refusal(String key) {
        String text = refusals.getProperty(key);
        if (text == null) {
            throw new IllegalStateException(language + ": no refusal text " + key);
        }
        return text;
    }

    private String text(JsonNode node, String key) {
        if (node == null || !node.isTextual()) {
            throw new IllegalStateException(language + ": no text " + key);
        }
        return node.asText();
    }
}
