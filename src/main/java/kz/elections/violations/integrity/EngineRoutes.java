package kz.elections.violations.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.springframework.stereotype.Component;

/**
 * Every operation of the engine's REST API, read from Camunda's own OpenAPI description
 * ({@code openapi.json} of {@code org.camunda.bpm:camunda-engine-rest-openapi}), so that a route is
 * classified by what the engine says it is, not by a list kept by hand: a read (GET, and the POST
 * queries), or a change. A route the document does not describe is unknown and treated as a change.
 */
@Component
class EngineRoutes {

    /** POST operations that only read: the queries and counts, the filters' executions, plan previews. */
    private static final Pattern READ_OPERATION = Pattern.compile("^(query|postQuery|postExecuteFilter).*"
            + "|^(generateMigrationPlan|validateMigrationPlan|checkPassword)$");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** One operation: its method, path template (after the mount), operation id and first tag. */
    record Operation(String method, String template, String operationId, String tag, boolean read) {

        private String[] segments() {
            return template.substring(1).split("/");
        }

        private int literalSegments() {
            int count = 0;
            for (String segment : segments()) {
                if (!segment.startsWith("{")) {
                    count++;
                }
            }
            return count;
        }
    }

    /** An operation matched by a request, with the values of its path parameters. */
    record Match(Operation operation, Map<String, String> parameters) {

        String operationId() {
            return operation.operationId();
        }

        String parameter(String name) {
            return parameters.get(name);
        }
    }

    private final Map<String, List<Operation>> byMethodAndLength = new HashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    EngineRoutes() throws IOException {
        try (InputStream document = EngineRoutes.class.getResourceAsStream("/openapi.json")) {
            if (document == null) {
                throw new IllegalStateException("openapi.json of camunda-engine-rest-openapi is not on the class path");
            }
            readPaths(document);
        }
        // the most specific template first: /process-instance/count before /process-instance/{id}
        byMethodAndLength.values().forEach(list ->
                list.sort(Comparator.comparingInt(Operation::literalSegments).reversed()));
    }

    /**
     * The operations under the document's {@code paths}, read as a stream of tokens (the document is
     * 2 MB; only each operation's method, path, operation id and first tag are kept).
     */
    private void readPaths(InputStream document) throws IOException {
        try (JsonParser json = new JsonFactory().createParser(document)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean paths = "paths".equals(json.currentName());
                json.nextToken();
                if (!paths) {
                    json.skipChildren();
                    continue;
                }
                expect(json.currentToken(), JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String template = json.currentName();
                    expect(json.nextToken(), JsonToken.START_OBJECT);
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String verb = json.currentName().toUpperCase(Locale.ROOT);
                        if (json.nextToken() != JsonToken.START_OBJECT || !VERBS.contains(verb)) {
                            json.skipChildren();
                            continue;
                        }
                        add(verb, template, json);
                    }
                }
            }
        }
    }

    /** One operation's object, from its START_OBJECT to its END_OBJECT. */
    private void add(String verb, String template, JsonParser json) throws IOException {
        String operationId = "";
        String tag = "";
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("operationId".equals(field) && value.isScalarValue()) {
                operationId = json.getText();
            } else if ("tags".equals(field) && value == JsonToken.START_ARRAY) {
                boolean first = true;
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    if (first && json.currentToken().isScalarValue()) {
                        tag = json.getText();
                    }
                    first = false;
                    json.skipChildren();
                }
            } else {
                json.skipChildren();
            }
        }
        boolean read = SAFE_METHODS.contains(verb) || "POST".equals(verb)
                && READ_OPERATION.matcher(operationId).matches();
        Operation described = new Operation(verb, template, operationId, tag, read);
        operations.add(described);
        byMethodAndLength.computeIfAbsent(verb + " " + described.segments().length, key -> new ArrayList<>())
                .add(described);
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("openapi.json: " + expected + " expected, found " + token);
        }
    }

    /** Every operation the document describes. */
    List<Operation> all() {
        return List.copyOf(operations);
    }

    /** The operation a request to this path (after the mount and any /engine/{name}) means, if described. */
    Optional<Match> match(String method, String path) {
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        List<Operation> candidates = byMethodAndLength.getOrDefault(method + " " + segments.length, List.of());
        for (Operation operation : candidates) {
            Map<String, String> parameters = matches(operation.segments(), segments);
            if (parameters != null) {
                return Optional.of(new Match(operation, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matches(String[] template, String[] segments) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                parameters.put(template[i].substring(1, template[i].length() - 1), segments[i]);
            } else if (!template[i].equals(segments[i])) {
                return null;
            }
        }
        return parameters;
    }
}
