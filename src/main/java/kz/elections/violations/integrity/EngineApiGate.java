package kz.elections.violations.integrity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.cases.CaseAccess;
import kz.elections.violations.security.CurrentUser;
import kz.elections.violations.api.CachedBodyRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * The one way in for staff, in front of the engine's REST API ({@code /engine-rest}) and the webapps'
 * engine mount ({@code /camunda/api/engine}). Every request that is not a read is matched to its
 * operation in Camunda's OpenAPI description:
 * <ul>
 * <li>staff accounts (every user outside {@code admins} and {@code camunda-admin}) get only the checked
 * routes of {@link StaffRoutes}; every other change is 403 (404 where the case is not theirs to see)
 * before the engine sees it;</li>
 * <li>administrators keep every route, but a change to a case (an instance, its executions, tasks, jobs,
 * variables, messages, signals, incidents, definitions' suspension or deletion, batches over cases) needs
 * a reason ({@value #REASON_HEADER} header, percent-encoded UTF-8, or the body's {@code annotation}); the
 * change and its record in {@link Interventions} commit in one transaction.</li>
 * </ul>
 */
class EngineApiGate extends OncePerRequestFilter {

    static final String REASON_HEADER = "X-Intervention-Reason";
    static final int MAX_REASON = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(EngineApiGate.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ENGINE_REST = "/engine-rest";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine";
    /** Operations that change no case: identities, grants, filters, deployments of new models, settings. */
    private static final Set<String> NOT_CASE_TAGS = Set.of("Authorization", "Filter", "Group", "User", "Tenant",
            "Identity", "Telemetry", "Metrics", "Schema Log", "Historic User Operation Log", "Decision Definition",
            "Decision Requirements Definition");
    private static final Set<String> NOT_CASE_OPERATIONS = Set.of("createDeployment", "redeploy");
    /** Operations that create a case: its id is in the answer. */
    private static final Set<String> STARTS = Set.of("startProcessInstanceByKey", "submitFormByKey",
            "startProcessInstance", "submitForm", "startProcessInstanceByKeyAndTenantId",
            "submitFormByKeyAndTenantId");
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final EngineRoutes routes;
    private final StaffRoutes staff;
    private final CaseTargets targets;
    private final Interventions interventions;
    private final CurrentUser currentUser;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final ObjectMapper json = new ObjectMapper();
    private final UrlPathHelper paths = new UrlPathHelper();

    EngineApiGate(EngineRoutes routes, StaffRoutes staff, CaseTargets targets, Interventions interventions,
                  CurrentUser currentUser, IdentityService identity, PlatformTransactionManager transactions) {
        this.routes = routes;
        this.staff = staff;
        this.targets = targets;
        this.interventions = interventions;
        this.currentUser = currentUser;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = user(request);
        String enginePath = enginePath(request);
        if (SAFE.contains(request.getMethod()) || user == null || enginePath == null) {
            // reads follow the engine's authorizations; without a user the authentication filters answer 401
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader("X-HTTP-Method-Override") != null || request.getHeader("X-Method-Override") != null) {
            refuse(response, GateDecision.forbidden("Method overrides are not accepted"));
            return;
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            refuse(response, new GateDecision.Refuse(413, "Request too large", "The body is over "
                    + MAX_BODY + " bytes", List.of()));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, bytes);
        JsonNode body = jsonBody(cached);
        if (body == null) {
            refuse(response, GateDecision.invalid("The body is not JSON", List.of(new FieldProblem("$",
                    "must be a JSON object"))));
            return;
        }
        Optional<EngineRoutes.Match> match = routes.match(request.getMethod(), enginePath);
        boolean admin = isAdmin(user);
        if (match.isEmpty()) {
            if (admin) {
                chain.doFilter(cached, response);
            } else {
                refuse(response, GateDecision.forbidden("No such route for staff: " + request.getMethod() + " "
                        + enginePath));
            }
            return;
        }
        EngineRoutes.Match route = match.get();
        if (route.operation().read() && !"verifyUser".equals(route.operationId())) {
            chain.doFilter(cached, response);
            return;
        }
        if (!admin) {
            GateDecision decision = staff.isStaffRoute(route.operationId()) ? staff.check(route, body, user)
                    : privateOrForbidden(route, body, user);
            apply(decision, user, cached, response, chain);
            return;
        }
        // an administrator: the staff routes as staff use them, any other change to a case with a reason
        String reason = reason(request, body);
        if (staff.startsAnotherProcess(route)) {
            chain.doFilter(cached, response);
            return;
        }
        if (staff.isStaffRoute(route.operationId())) {
            GateDecision decision = staff.check(route, body, user);
            if (decision instanceof GateDecision.Refuse refusal && reason == null && refusal.status() == 403) {
                // what staff may not do is an administrator's intervention: it needs a reason
                refuse(response, GateDecision.invalid(refusal.detail() + "; an administrator may do it as an "
                        + "intervention, with a reason", checkReason(null)));
                return;
            }
            if (!(decision instanceof GateDecision.Refuse) || reason == null) {
                apply(decision, user, cached, response, chain);
                return;
            }
        } else if (!isCaseOperation(route)) {
            chain.doFilter(cached, response);
            return;
        }
        if (targets.pathTargetMissing(route)) {
            // nothing to change: the engine answers that the id does not exist
            chain.doFilter(cached, response);
            return;
        }
        intervene(route, body, reason, user, cached, response, chain);
    }

    /** Refused with 404 when the request is about a case the user may not see, else with 403. */
    private GateDecision privateOrForbidden(EngineRoutes.Match route, JsonNode body, Authentication user) {
        for (CaseTargets.Target target : targets.of(route, body)) {
            if (target.caseNumber() != null && !mayRead(user, target)) {
                return GateDecision.notFound("Not found");
            }
        }
        return GateDecision.forbidden(StaffRoutes.refusal(route));
    }

    private boolean mayRead(Authentication user, CaseTargets.Target target) {
        return currentUser.as(user, () -> targets.visibleInstance(target.processInstanceId())
                || targets.visibleTasks(target.processInstanceId()))
                || CaseAccess.regionalOfficeReads(user.getGroupIds() == null ? List.of() : user.getGroupIds(),
                targets.regionCodeOf(target.processInstanceId()));
    }

    private void apply(GateDecision decision, Authentication user, HttpServletRequest request,
                       HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (decision instanceof GateDecision.Refuse refusal) {
            refuse(response, refusal);
        } else if (decision instanceof GateDecision.Perform perform) {
            if (!carriesWebappCsrfToken(request)) {
                refuse(response, GateDecision.forbidden("The webapps' CSRF token is missing or wrong"));
                return;
            }
            GateDecision.Answer answer = currentUser.onBehalfOf(user, perform.action()::run);
            response.setStatus(answer.status());
            if (answer.body() != null) {
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                json.writeValue(response.getOutputStream(), answer.body());
            }
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The webapps' CSRF check for the changes the gate carries out itself (the webapps' own CSRF filter
     * runs after the gate): on the webapps' mount the request must carry the session's token.
     */
    private static boolean carriesWebappCsrfToken(HttpServletRequest request) {
        if (!request.getRequestURI().substring(request.getContextPath().length()).startsWith(WEBAPP_ENGINE + "/")) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && sent != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    /** An administrator's change to a case: done and recorded together, or neither. */
    private void intervene(EngineRoutes.Match route, JsonNode body, String given, Authentication user,
                           HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String reason = given != null ? given : noticeFor(user, targets.of(route, body));
        List<FieldProblem> problems = checkReason(reason);
        if (!problems.isEmpty()) {
            refuse(response, GateDecision.invalid("An administrator's change to a case needs a reason, which the "
                    + "case's timeline shows", problems));
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Exception[] failure = new Exception[1];
        try {
            transaction.executeWithoutResult(status -> {
                List<CaseTargets.Target> touched = new ArrayList<>(targets.of(route, body));
                try {
                    chain.doFilter(request, buffered);
                } catch (IOException | ServletException e) {
                    failure[0] = e;
                    status.setRollbackOnly();
                    return;
                }
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                    return;
                }
                if (STARTS.contains(route.operationId())) {
                    started(buffered).flatMap(id -> targets.instance(id, null)).ifPresent(touched::add);
                }
                record(route, request, reason, user, touched, status);
            });
        } catch (RuntimeException notSaved) {
            LOG.warn("An intervention by {} ({} {}) was not saved: {}", user.getUserId(), request.getMethod(),
                    request.getRequestURI(), notSaved.toString());
            buffered.resetBuffer();
            refuse(response, new GateDecision.Refuse(500, "Not saved", "The change and its record could not be saved "
                    + "together; nothing was changed", List.of()));
            return;
        }
        if (failure[0] instanceof IOException io) {
            throw io;
        }
        if (failure[0] instanceof ServletException servlet) {
            throw servlet;
        }
        buffered.copyBodyToResponse();
    }

    /** The reason the admin gave ahead for the one case this request touches (Cockpit's dialogs send none). */
    private String noticeFor(Authentication user, List<CaseTargets.Target> touched) {
        List<String> instances = touched.stream().map(CaseTargets.Target::processInstanceId).distinct().toList();
        return instances.size() == 1 ? interventions.noticeOf(user.getUserId(), instances.get(0)).orElse(null) : null;
    }

    private void record(EngineRoutes.Match route, HttpServletRequest request, String reason, Authentication user,
                        List<CaseTargets.Target> touched, TransactionStatus status) {
        String what = request.getMethod() + " " + request.getRequestURI();
        if (touched.isEmpty()) {
            interventions.record(user.getUserId(), route.operationId(), request.getMethod(), what, reason, null, null,
                    null);
        }
        for (CaseTargets.Target target : touched) {
            interventions.record(user.getUserId(), route.operationId(), request.getMethod(), what, reason,
                    target.processInstanceId(), target.caseNumber(), target.targetId());
        }
        LOG.info("Intervention by {}: {} ({}) on {} because: {}", user.getUserId(), what, route.operationId(),
                touched.isEmpty() ? "no single case" : touched.stream().map(t -> t.caseNumber() != null
                        ? t.caseNumber() : t.processInstanceId()).toList(), reason.replaceAll("\\s+", " "));
    }

    private Optional<String> started(ContentCachingResponseWrapper response) {
        try {
            JsonNode answer = json.readTree(response.getContentAsByteArray());
            return answer != null && answer.hasNonNull("id") ? Optional.of(answer.get("id").asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static List<FieldProblem> checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldProblem(REASON_HEADER, "is required: why this case is changed outside its process "
                    + "(percent-encoded UTF-8; or the body's 'annotation' where the operation has one; or, for Cockpit, "
                    + "a reason given ahead with POST /api/interventions/notices)"));
        }
        String broken = brokenRule(reason);
        return broken == null ? List.of() : List.of(new FieldProblem(REASON_HEADER, broken));
    }

    /** The rule a given reason breaks (length, control characters), or null: for every way a reason comes. */
    static String brokenRule(String reason) {
        if (reason.length() > MAX_REASON) {
            return "must have at most " + MAX_REASON + " characters";
        }
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return "must not contain control characters";
        }
        return null;
    }

    private static String reason(HttpServletRequest request, JsonNode body) {
        String header = request.getHeader(REASON_HEADER);
        if (header != null && !header.isBlank()) {
            try {
                return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException malformed) {
                return header.strip();
            }
        }
        JsonNode annotation = body.path("annotation");
        return annotation.isTextual() && !annotation.asText().isBlank() ? annotation.asText().strip() : null;
    }

    private static boolean isCaseOperation(EngineRoutes.Match route) {
        return !NOT_CASE_TAGS.contains(route.operation().tag())
                && !NOT_CASE_OPERATIONS.contains(route.operationId());
    }

    private static boolean isAdmin(Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        return groups.contains(CurrentUser.ADMINS) || groups.contains(CurrentUser.CAMUNDA_ADMIN);
    }

    private void refuse(HttpServletResponse response, GateDecision.Refuse refusal) throws IOException {
        response.setStatus(refusal.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", refusal.status() == 400 ? "urn:problem:validation" : "about:blank");
        problem.put("title", refusal.title());
        problem.put("status", refusal.status());
        problem.put("detail", refusal.detail());
        // the engine REST API's clients (Tasklist among them) show "message"
        problem.put("message", refusal.errors().isEmpty() ? refusal.detail() : refusal.detail() + ": "
                + String.join("; ", refusal.errors().stream().map(e -> e.field() + " " + e.message()).toList()));
        if (!refusal.errors().isEmpty()) {
            problem.put("errors", refusal.errors());
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    private JsonNode jsonBody(CachedBodyRequest request) {
        String type = request.getContentType();
        if (request.body().length == 0 || type == null || !type.toLowerCase().contains("json")) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(request.body());
            return node == null ? json.createObjectNode() : node.isObject() || node.isArray() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The path after the engine mount and any {@code /engine/{name}}; null when not an engine route. */
    private String enginePath(HttpServletRequest request) {
        String path = paths.getPathWithinApplication(request).replaceAll("/{2,}", "/");
        String rest;
        if (path.equals(ENGINE_REST) || path.startsWith(ENGINE_REST + "/")) {
            rest = path.substring(ENGINE_REST.length());
        } else if (path.startsWith(WEBAPP_ENGINE + "/")) {
            rest = path.substring(WEBAPP_ENGINE.length());
        } else {
            return null;
        }
        if (rest.startsWith("/engine/")) {
            int next = rest.indexOf('/', "/engine/".length());
            rest = next < 0 ? "/" : rest.substring(next);
        }
        return rest.isEmpty() ? "/" : rest;
    }

    /** The engine user of this request: Basic authentication on /engine-rest, the session on the webapps. */
    private Authentication user(HttpServletRequest request) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current;
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        org.camunda.bpm.webapp.impl.security.auth.Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine("default");
        if (authentication instanceof UserAuthentication userAuthentication
                && userAuthentication.getIdentityId() != null) {
            return new Authentication(userAuthentication.getIdentityId(),
                    userAuthentication.getGroupIds() == null ? List.of() : List.copyOf(userAuthentication.getGroupIds()));
        }
        return null;
    }
}
