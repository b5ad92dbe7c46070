package kz.elections.violations.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers that keep a browser from reading the application's answers as anything but what they are.
 * Every answer says {@code X-Content-Type-Options: nosniff} (a JSON or CSV answer is never run as a
 * script) and {@code X-Frame-Options: DENY} (no page is shown inside another site's frame). The
 * application's own pages and APIs also carry {@link #CONTENT_SECURITY_POLICY}: scripts, styles and
 * images only from the application itself, no plugins, no framing, no foreign base URL or form target.
 * Swagger UI sets style attributes from its script, so its pages ({@code /swagger-ui/}) allow inline
 * styles ({@link #SWAGGER_UI_POLICY}); inline scripts stay refused there too.
 * The Camunda webapps under {@code /camunda} set a policy of their own (a fresh nonce for each page, by
 * Camunda's {@code HttpHeaderSecurityFilter}), which this filter leaves to them.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = policy("style-src 'self'");
    static final String SWAGGER_UI_POLICY = policy("style-src 'self' 'unsafe-inline'");

    private static String policy(String styles) {
        return "default-src 'self'; script-src 'self'; " + styles + "; img-src 'self' data:; object-src 'none'; "
                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/swagger-ui/")) {
            response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
        } else if (!path.equals("/camunda") && !path.startsWith("/camunda/")) {
            response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        chain.doFilter(request, response);
    }
}
