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
import kz.elections.violations.regions.Region;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Offers the elections that take facts and the regions in the case's start form
 * ({@code forms/register-fact.form}): its election select is fed by {@code valuesKey: "elections"}, options
 * {@code [{label: name, value: id}]}, its region select by {@code valuesKey: "regions"}, options
 * {@code [{label: "<Kazakh name> / <Russian name>", value: code}]}.
 * <p>
 * Camunda 7.24's Tasklist renders a Camunda Forms start form from {@code GET .../process-definition/{id}/
 * deployed-start-form} and, unlike a task's form, loads no variables for it. So the application answers
 * both reads of the start form, on the engine's REST API and on the webapps' mount of it: the deployed form
 * with the options written into the select (as static {@code values}), and {@code .../form-variables} with
 * the Json variables {@code elections} and {@code regions} holding them, for a client that feeds the selects
 * from variables. The options come from {@link IntakeRules#electionsTakingFacts()} and
 * {@link IntakeRules#regions()} when the form is read; nothing a user sends becomes an option, and the intake
 * rules check the chosen election and region again on submission.
 */
class StartFormOptions extends OncePerRequestFilter {

    static final String ELECTIONS = "elections";
    static final String REGIONS = "regions";
    private static final String CASE_PROCESS = "ViolationCase";
    private static final Pattern START_FORM_READ = Pattern.compile(
            "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/process-definition/(key/([^/]+)(?:/tenant-id/[^/]+)?|[^/]+)"
                    + "/(deployed-start-form|form-variables)");

    private final IntakeRules rules;
    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper();

    StartFormOptions(IntakeRules rules, RepositoryService repository) {
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
                : isCaseStart(read) && addVariables(object))) {
            byte[] rewritten = json.writeValueAsBytes(object);
            response.setContentLength(rewritten.length);
            response.getOutputStream().write(rewritten);
            return;
        }
        answer.copyBodyToResponse();
    }

    /** Writes the options into every select of the form fed by {@code elections} or {@code regions}; false when there is none. */
    private boolean offerIn(ObjectNode form) {
        boolean offered = false;
        for (JsonNode component : form.path("components")) {
            String key = component.path("valuesKey").asText();
            if (component instanceof ObjectNode select && "select".equals(select.path("type").asText())
                    && (ELECTIONS.equals(key) || REGIONS.equals(key))) {
                select.remove("valuesKey");
                select.set("values", ELECTIONS.equals(key) ? elections() : regions());
                offered = true;
            }
        }
        return offered;
    }

    private boolean addVariables(ObjectNode variables) throws IOException {
        addVariable(variables, ELECTIONS, elections());
        addVariable(variables, REGIONS, regions());
        return true;
    }

    private void addVariable(ObjectNode variables, String name, ArrayNode options) throws IOException {
        ObjectNode variable = variables.putObject(name);
        variable.put("type", "Json");
        variable.put("value", json.writeValueAsString(options));
        variable.putObject("valueInfo");
    }

    private ArrayNode elections() {
        ArrayNode options = json.createArrayNode();
        for (Election election : rules.electionsTakingFacts()) {
            options.addObject().put("label", election.name()).put("value", election.id());
        }
        return options;
    }

    /** Each region by its Kazakh and Russian names ("Алматы облысы / Алматинская область"; "Алматы" where they agree). */
    private ArrayNode regions() {
        ArrayNode options = json.createArrayNode();
        for (Region region : rules.regions()) {
            String kazakh = region.name("kk");
            String russian = region.name("ru");
            options.addObject().put("label", kazakh.equals(russian) ? kazakh : kazakh + " / " + russian)
                    .put("value", region.code());
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
