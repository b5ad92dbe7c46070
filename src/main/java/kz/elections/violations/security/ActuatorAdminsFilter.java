package kz.elections.violations.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's endpoints other than health (the metrics at {@code /actuator/prometheus}) answer admins
 * only: after {@link ApiAuthenticationFilter} has authenticated the user, anyone else gets 403.
 */
class ActuatorAdminsFilter extends OncePerRequestFilter {

    private final CurrentUser currentUser;

    ActuatorAdminsFilter(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!currentUser.isAdmin()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"Only administrators may read the metrics\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
