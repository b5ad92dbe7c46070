package kz.elections.violations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.api.FieldProblem;

/**
 * An RFC 9457 problem body written by a servlet filter, outside Spring MVC's exception handling. It
 * carries {@code message} beside {@code detail} because the Camunda webapps and the engine's REST
 * clients read a failure's {@code message}.
 */
final class ProblemAnswer {

    static final String VALIDATION = "urn:problem:validation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswer() {
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                      List<FieldProblem> errors) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        if (errors != null) {
            body.put("errors", errors);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A 400 listing the broken rules, as the project API's own validation errors. */
    static void invalid(HttpServletResponse response, String detail, List<FieldProblem> errors) throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST, VALIDATION, "The request breaks one or more rules",
                detail, errors);
    }
}
