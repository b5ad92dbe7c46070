package kz.elections.violations.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.RefusalWording;
import kz.elections.violations.api.RefusalsInRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A start or completion the case's rules refused is answered on the engine's REST API as on the project
 * API: 400 with a problem body whose {@code errors} list each field and rule. The engine itself answers a
 * refused completion or form submission with 400 and a message, and a refused {@code .../start} with 500;
 * both become the problem body. Its {@code message} (which Tasklist shows) and its errors' messages are
 * worded by {@link RefusalWording} in the language the request asks for (Russian in the webapps when it
 * asks for none of kk, ru, en): the field's label and the rule, no engine prefix, no ids. A REST client
 * asking for none of them keeps the rules' English words, without the engine's prefix.
 */
class EngineRestRefusals extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorBodyCapture answer = new ErrorBodyCapture(response);
        List<FieldProblem> refused;
        String heading;
        RefusalsInRequest.open();
        try {
            chain.doFilter(request, answer);
        } finally {
            heading = RefusalsInRequest.heading();
            refused = RefusalsInRequest.close();
        }
        if (request.isAsyncStarted()) {
            answer.streamFromNowOn();
            return;
        }
        byte[] body = answer.capturedBody();
        int status = answer.getStatus();
        if (body != null && !refused.isEmpty() && (status == 400 || status == 500)) {
            Optional<Locale> language = language(request);
            if (language.isPresent()) {
                ProblemAnswer.invalid(response, RefusalWording.message(heading, refused, language.get()),
                        RefusalWording.problems(refused, language.get()));
            } else {
                ProblemAnswer.invalid(response, withoutEnginePrefix(messageOf(body)), refused);
            }
            return;
        }
        answer.sendAsWritten();
    }

    /**
     * The language of the answer: the one among kk, ru and en the request's {@code Accept-Language} asks for;
     * on the webapps' mount Russian when it asks for none of them. A REST client that names no language of
     * these keeps the rules' own English words.
     */
    private static Optional<Locale> language(HttpServletRequest request) {
        Optional<Locale> requested = RefusalWording.requested(request.getHeader("Accept-Language"));
        if (requested.isEmpty() && request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            return Optional.of(Locale.forLanguageTag("ru"));
        }
        return requested;
    }

    /** The rule's words without what the engine puts before them ("Cannot instantiate process definition …: "). */
    static String withoutEnginePrefix(String message) {
        for (String heading : List.of("The fact was not registered: ", "The task was not completed: ")) {
            int at = message.indexOf(heading);
            if (at > 0) {
                return message.substring(at);
            }
        }
        return message;
    }

    private String messageOf(byte[] body) {
        try {
            JsonNode failure = json.readTree(body);
            if (failure != null && failure.hasNonNull("message")) {
                return failure.get("message").asText();
            }
        } catch (IOException notJson) {
            // the refusal's fields say it all
        }
        return "The request breaks one or more rules";
    }
}
