package kz.elections.violations.web;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.RefusalsInRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A start or completion the case's rules refused is answered on the engine's REST API as on the project
 * API: 400 with a problem body whose {@code errors} list each field and rule. The engine itself answers a
 * refused completion or form submission with 400 and a message, and a refused {@code .../start} with 500;
 * both become the problem body, which keeps the engine's {@code message} for Tasklist and REST clients.
 */
class EngineRestRefusals extends OncePerRequestFilter {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorBodyCapture answer = new ErrorBodyCapture(response);
        List<FieldProblem> refused;
        RefusalsInRequest.open();
        try {
            chain.doFilter(request, answer);
        } finally {
            refused = RefusalsInRequest.close();
        }
        if (request.isAsyncStarted()) {
            answer.streamFromNowOn();
            return;
        }
        byte[] body = answer.capturedBody();
        int status = answer.getStatus();
        if (body != null && !refused.isEmpty() && (status == 400 || status == 500)) {
            ProblemAnswer.invalid(response, messageOf(body), refused);
            return;
        }
        answer.sendAsWritten();
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
