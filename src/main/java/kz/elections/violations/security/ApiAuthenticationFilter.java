package kz.elections.violations.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication of the project API against the engine's identity service ({@link PublicRoutes}
 * excepted when a request carries no credentials). The
 * authenticated user and groups are set on the engine for the request, so that the engine records
 * who did what in its user operation log.
 * <p>
 * A request without an {@code Authorization} header may instead carry the session of a user logged in
 * to the Camunda webapps (Tasklist, Cockpit, Admin) on the engine {@value #ENGINE}, but only for a safe
 * method (GET, HEAD): a browser sends the session cookie with any request, so a changing request by
 * session alone would open a cross-site request forgery hole; the one change a page makes by session,
 * attaching evidence, must show that it comes from the application's own page ({@link SessionWrites}).
 * A request that says it comes from a
 * script ({@code X-Requested-With}) is refused without the Basic challenge, so that the browser shows
 * the page's own login link instead of its password dialog.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String ENGINE = "default";

    private final IdentityService identityService;

    public ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null && PublicRoutes.isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        String userId = authenticatedUser(header);
        if (userId == null && header == null && (isSafe(request.getMethod()) || SessionWrites.allows(request))) {
            userId = sessionUser(request);
        }
        if (userId == null) {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"election-violations\"");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"HTTP Basic credentials of a known user are required\"}");
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** The user logged in to the Camunda webapps in this session, if any and still known to the engine. */
    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        if (authentication == null || authentication.getIdentityId() == null) {
            return null;
        }
        String userId = authentication.getIdentityId();
        return identityService.createUserQuery().userId(userId).count() == 1 ? userId : null;
    }

    private String authenticatedUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return identityService.checkPassword(user, password) ? user : null;
    }
}
