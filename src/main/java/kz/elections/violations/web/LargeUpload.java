package kz.elections.violations.web;

/**
 * A route of the project API that takes a multipart body larger than the default limit of
 * {@link RequestBodyLimit}: a feature declares it as a bean (the complaints' files), and the body limit and
 * the servlet's multipart parser let such a body through up to {@code maxBytes}, on that route only.
 *
 * @param method   the HTTP method, such as {@code POST}
 * @param path     the paths within the application, a regular expression such as {@code /api/complaints} or
 *                 {@code /api/cases/[^/]+/evidence/?}
 * @param maxBytes the largest body, parts and their headers included
 */
public record LargeUpload(String method, String path, long maxBytes) {

    /** Whether a request to this path (within the application) is one of the route's. */
    public boolean matches(String requestPath) {
        return java.util.regex.Pattern.matches(path, requestPath);
    }
}
