package kz.elections.violations.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The changes a page of the application makes with the webapps' session instead of HTTP Basic: attaching
 * an evidence file on the case page ({@code POST /api/cases/{n}/evidence}). The browser sends the session
 * cookie with any request, also one another site makes it send, so such a request is taken only when it
 * shows it comes from a script of the application's own origin: it carries {@code X-Requested-With} (which
 * a form or a script of another site cannot add without the application's consent to a cross-origin
 * request, which it never gives), an {@code Origin} whose host and port are the request's {@code Host}, and,
 * where the browser sends it, {@code Sec-Fetch-Site: same-origin}.
 */
final class SessionWrites {

    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/cases/[^/]+/evidence/?");

    private SessionWrites() {
    }

    static boolean allows(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && EVIDENCE_UPLOAD.matcher(path).matches() && fromOwnPage(request);
    }

    private static boolean fromOwnPage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (request.getHeader("X-Requested-With") == null || origin == null || host == null
                || (site != null && !site.equals("same-origin"))) {
            return false;
        }
        try {
            String authority = new URI(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
