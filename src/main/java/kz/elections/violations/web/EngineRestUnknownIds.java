package kz.elections.violations.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An unknown id on the engine's REST API is 404. Many of the engine's routes answer an id that does not
 * exist with 500 ({@code NullValueException}, "task unknown doesn't exist", "No job found with id ...") or
 * 400 ({@code BadUserRequestException} "Cannot find task ..."), which reads as a server fault. This filter
 * answers such a 400 or 500 with 404 and a problem body keeping the engine's message, when
 * <ul>
 * <li>the engine says something is missing (its exception type or the message's wording), and</li>
 * <li>what is missing is addressed by the request's path: the message names an id of the path (the
 * segment after a resource name such as {@code task} or {@code variables}), or the engine failed on
 * the addressed resource itself being null ({@code NullPointerException: ... "processDefinition" is null}
 * on {@code /process-definition/{id}/...}; the answer then says which resource does not exist).</li>
 * </ul>
 * Any other failure is passed on as the engine answered it, genuine 500s included.
 */
class EngineRestUnknownIds extends OncePerRequestFilter {

    /** Path segments after which the engine's REST API expects an id or a name. */
    private static final Set<String> RESOURCES = Set.of("engine", "task", "process-instance", "process-definition",
            "key", "tenant-id", "job", "job-definition", "execution", "deployment", "resources", "decision-definition",
            "decision-requirements-definition", "incident", "external-task", "variable-instance", "user", "group",
            "members", "tenant", "filter", "authorization", "batch", "variables", "localVariables",
            "messageSubscriptions", "comment", "attachment", "case-instance", "case-definition", "case-execution",
            "activity-instance", "detail", "job-log", "external-task-log", "decision-instance");
    private static final Set<String> MISSING_TYPES = Set.of("NullValueException", "NotFoundException");
    private static final Pattern MISSING = Pattern.compile("does not exist|doesn't exist|do not exist|cannot find"
            + "|can't find|not found|\\bno\\b[^.;:]{0,80}\\bfound\\b|does not have a subscription",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NULL_RESOURCE = Pattern.compile("\"(\\w+)\" is null");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorBodyCapture answer = new ErrorBodyCapture(response);
        chain.doFilter(request, answer);
        if (request.isAsyncStarted()) {
            answer.streamFromNowOn();
            return;
        }
        byte[] body = answer.capturedBody();
        int status = answer.getStatus();
        if (body != null && (status == 400 || status == 500)) {
            String missing = missingMessage(request.getRequestURI(), body);
            if (missing != null) {
                ProblemAnswer.write(response, HttpServletResponse.SC_NOT_FOUND, "about:blank", "Not found", missing,
                        null);
                return;
            }
        }
        answer.sendAsWritten();
    }

    /** The engine's message when it says that something the path addresses does not exist; null otherwise. */
    String missingMessage(String uri, byte[] body) {
        JsonNode failure;
        try {
            failure = json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (failure == null || !failure.isObject()) {
            return null;
        }
        String type = failure.path("type").asText("");
        String message = failure.path("message").asText("");
        List<String> segments = segments(uri);
        if (MISSING_TYPES.contains(type) || MISSING.matcher(message).find()) {
            for (String id : idsOf(segments)) {
                if (namesAsToken(message, id)) {
                    return message;
                }
            }
        }
        Matcher nullResource = NULL_RESOURCE.matcher(message);
        if ("NullPointerException".equals(type) && nullResource.find()) {
            for (int i = 0; i + 1 < segments.size(); i++) {
                if (RESOURCES.contains(segments.get(i)) && nullResource.group(1).startsWith(camelCase(segments.get(i)))) {
                    return segments.get(i) + " " + segments.get(i + 1) + " does not exist";
                }
            }
        }
        return null;
    }

    private static List<String> segments(String uri) {
        List<String> segments = new ArrayList<>();
        for (String segment : uri.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static List<String> idsOf(List<String> segments) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            if (RESOURCES.contains(segments.get(i - 1))) {
                ids.add(segments.get(i));
            }
        }
        return ids;
    }

    private static String camelCase(String segment) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : segment.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static boolean namesAsToken(String message, String id) {
        return Pattern.compile("(^|[\\s'\"(\\[])" + Pattern.quote(id) + "($|[\\s'\".,:;)\\]])").matcher(message).find();
    }
}
