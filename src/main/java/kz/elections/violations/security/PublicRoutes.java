package kz.elections.violations.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The project API's routes that anyone may call without credentials: the regions, a complaint from the
 * public (and a partner, whose key the complaints feature checks) and a complaint's public status by its
 * tracking number. A request to them that carries credentials is authenticated as any other.
 */
final class PublicRoutes {

    private static final Pattern COMPLAINT_STATUS = Pattern.compile("/api/complaints/[A-Za-z0-9-]{1,40}");

    private PublicRoutes() {
    }

    static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return switch (method) {
            case "GET", "HEAD" -> "/api/regions".equals(path) || COMPLAINT_STATUS.matcher(path).matches();
            case "POST" -> "/api/complaints".equals(path);
            default -> false;
        };
    }
}
