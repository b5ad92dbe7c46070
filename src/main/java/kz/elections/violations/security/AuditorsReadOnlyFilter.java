package kz.elections.violations.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.elections.violations.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auditors change nothing. A user whose only group is {@code auditors} is refused (403) any request
 * to the project API or the engine's REST API other than a read: GET, HEAD, OPTIONS, and the engine
 * REST API's queries that take their filter in a POST body. Runs after the authentication filters,
 * which set the user on the engine.
 */
public class AuditorsReadOnlyFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** POST queries of the engine REST API (paths after /engine-rest) that read only. */
    private static final Pattern ENGINE_QUERIES = Pattern.compile("^/(task|process-instance|execution"
            + "|variable-instance|job|job-definition|external-task|history/(activity-instance|process-instance|task"
            + "|variable-instance|detail|external-task-log|case-instance|case-activity-instance))(/count)?/?$"
            + "|^/filter/[^/]+/(list|count)/?$");

    private final IdentityService identityService;

    public AuditorsReadOnlyFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && isAuditorOnly() && !isEngineQuery(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not allowed\",\"status\":403,"
                    + "\"detail\":\"Auditors read cases and statistics; they change nothing\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isAuditorOnly() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getGroupIds() == null) {
            return false;
        }
        List<String> groups = authentication.getGroupIds();
        return groups.contains(CurrentUser.AUDITORS) && groups.stream().allMatch(CurrentUser.AUDITORS::equals);
    }

    private static boolean isEngineQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith("/engine-rest/")
                && ENGINE_QUERIES.matcher(path.substring("/engine-rest".length())).matches();
    }
}
