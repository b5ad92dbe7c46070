package kz.elections.violations.intake;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.election.Election;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Offers the elections that take facts in the case's start form ({@code forms/register-fact.form}),
 * whose election select is fed by {@code valuesKey: "elections"}, options {@code [{label: name, value: id}]}.
 * <p>
 * Camunda 7.24's Tasklist renders a Camunda Forms start form from {@code GET .../process-definition/{id}/
 * deployed-start-form} and, unlike a task's form, loads no variables for it. So the application answers
 * both reads of the start form, on the engine's REST API and on the webapps' mount of it: the deployed form
 * with the options written into the select (as static {@code values}), and {@code .../form-variables} with
 * a Json variable {@code elections} holding them, for a client that feeds the select from variables. The
 * options come from {@link IntakeRules#electionsTakingFacts()} when the form is read; nothing a user sends
 * becomes an option, and the intake rules check the chosen election again on submission.
 */
class StartFormElections extends OncePerRequestFilter {

    static final String VALUES_KEY = "elections";
    private static final String CASE_PROCESS = "ViolationCase";
    private static final Pattern START_FORM_READ = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/process-definition/(key/([^/]+)(?:/tenant-id/[^/]+)?|[^/]+)"
                    + "/(deployed-start-form|form-variables)");

    private final IntakeRules rules;
    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper();

    StartFormElections(IntakeRules rules, RepositoryService repository) {
        this.rules = rules;
        this.repository = repository;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !START_FORM_READ.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher read = START_FORM_READ.matcher(path(request));
        if (!read.matches()) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        JsonNode document = answer.getStatus() == 200 ? parse(body) : null;
        boolean formRead = "deployed-start-form".equals(read.group(3));
        if (document instanceof ObjectNode object && (formRead ? offerIn(object)
                : isCaseStart(read) && addVariable(object))) {
            byte[] rewritten = json.writeValueAsBytes(object);
            response.setContentLength(rewritten.length);
            response.getOutputStream().write(rewritten);
            return;
        }
        answer.copyBodyToResponse();
    }

    /** Writes the options into every select of the form fed by {@code elections}; false when there is none. */
    private boolean offerIn(ObjectNode form) {
        boolean offered = false;
        for (JsonNode component : form.path("components")) {
            if (component instanceof ObjectNode select && "select".equals(select.path("type").asText())
                    && VALUES_KEY.equals(select.path("valuesKey").asText())) {
                select.remove("valuesKey");
                select.set("values", options());
                offered = true;
            }
        }
        return offered;
    }

    private boolean addVariable(ObjectNode variables) throws IOException {
        ObjectNode variable = variables.putObject(VALUES_KEY);
        variable.put("type", "Json");
        variable.put("value", json.writeValueAsString(options()));
        variable.putObject("valueInfo");
        return true;
    }

    private ArrayNode options() {
        ArrayNode options = json.createArrayNode();
        for (Election election : rules.electionsTakingFacts()) {
            options.addObject().put("label", election.name()).put("value", election.id());
        }
        return options;
    }

    /** Whether the process of the request is the case's ({@code ViolationCase}), whose start form this is. */
    private boolean isCaseStart(Matcher read) {
        String key = read.group(2);
        if (key != null) {
            return CASE_PROCESS.equals(key);
        }
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .processDefinitionId(read.group(1)).list();
        return definitions.size() == 1 && CASE_PROCESS.equals(definitions.get(0).getKey());
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
