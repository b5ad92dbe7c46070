package kz.elections.violations.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs just inside the authentication filters of both REST APIs and notes on the request whom they
 * authenticated. The login throttle, outside them, learns so that a password was checked and right, and does
 * not take an answer that never checked one (a refusal by an earlier filter) for a successful login.
 */
class AuthenticatedUserWitness extends OncePerRequestFilter {

    static final String AUTHENTICATED_USER = AuthenticatedUserWitness.class.getName() + ".user";

    private final IdentityService identityService;

    AuthenticatedUserWitness(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            request.setAttribute(AUTHENTICATED_USER, authentication.getUserId());
        }
        chain.doFilter(request, response);
    }
}
