package kz.elections.violations.web;

import kz.elections.violations.api.CachedBodyRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a variable of type {@code Object} in any JSON body sent to the engine's REST API (a start, a
 * completion, a form, a message's variables, a variable change) with 400 naming the variable. Cases hold
 * text, numbers, booleans and dates only; the engine has no serializer for objects here but Java
 * serialization, which it prohibits ({@code javaSerializationFormatEnabled} is false), and it answers
 * either kind of object with 500. The refusal comes before the engine reads the value, so nothing is
 * changed and nothing is logged as an error.
 */
class ObjectVariablesRefusal extends OncePerRequestFilter {

    static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final String PRIMITIVES = "String, Boolean, Integer, Long, Double or Date";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (!WRITES.contains(request.getMethod()) || type == null || !type.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached = request instanceof CachedBodyRequest already ? already
                : new CachedBodyRequest(request, request.getInputStream().readAllBytes());
        List<FieldProblem> problems = new ArrayList<>();
        try {
            JsonNode body = json.readTree(cached.body());
            if (body != null) {
                collect(body, lastSegment(request.getRequestURI()), problems);
            }
        } catch (IOException notJson) {
            // the engine answers a body that is not JSON itself
        }
        if (!problems.isEmpty()) {
            ProblemAnswer.invalid(response, InvalidRequestException.describe(problems), problems);
            return;
        }
        chain.doFilter(cached, response);
    }

    /** Adds a problem for every Object variable in the JSON; name is the key the node stands under. */
    private static void collect(JsonNode node, String name, List<FieldProblem> problems) {
        if (node.isObject()) {
            String problem = objectVariableProblem(node);
            if (problem != null) {
                problems.add(new FieldProblem(name, problem));
                return;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, name, problems);
            }
        }
    }

    private static String objectVariableProblem(JsonNode variable) {
        String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
        if (format.trim().toLowerCase().startsWith(JAVA_SERIALIZATION)) {
            return "a serialized Java object is not accepted (" + JAVA_SERIALIZATION + "); send a " + PRIMITIVES
                    + " value";
        }
        if (variable.path("type").isTextual() && variable.get("type").asText().trim().equalsIgnoreCase("Object")
                && (variable.has("value") || variable.has("valueInfo"))) {
            return "an Object value is not accepted; send a " + PRIMITIVES + " value";
        }
        return null;
    }

    private static String lastSegment(String uri) {
        String path = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
