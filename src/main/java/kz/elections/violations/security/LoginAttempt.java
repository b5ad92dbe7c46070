package kz.elections.violations.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A request that has a password checked, and the account it names: HTTP Basic credentials on the APIs,
 * the webapps' login form, or a check of an account's password by another user ({@code identity/verify} of
 * the engine's REST API, which calls the same password check). An account name that cannot be read is
 * the empty name, which still counts for its client.
 */
record LoginAttempt(Kind kind, String account) {

    enum Kind { BASIC, LOGIN_FORM, PASSWORD_CHECK }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_FORM = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    private static final Pattern PASSWORD_CHECK = Pattern.compile(
            "(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?");

    /**
     * The account of HTTP Basic credentials on the APIs that take them (not the webapps, which log in by
     * form), read as leniently as the engine REST API reads them (characters outside Base64 are skipped), so
     * that no header an authentication accepts escapes the count. User ids are ASCII (the engine's
     * whitelist), so the charset decides nothing for an existing account.
     */
    static Optional<LoginAttempt> basic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || path(request).startsWith("/camunda/")) {
            return Optional.empty();
        }
        String credentials;
        try {
            credentials = new String(Base64.getMimeDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unreadable) {
            credentials = "";
        }
        int colon = credentials.indexOf(':');
        return Optional.of(new LoginAttempt(Kind.BASIC, colon < 0 ? "" : credentials.substring(0, colon)));
    }

    static boolean isLoginForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && LOGIN_FORM.matcher(path(request)).matches();
    }

    /**
     * The account a login form's body ({@code username=...&password=...}) names. Read from the body
     * itself, not through the container's parameters, so that the webapps' login still reads its form.
     */
    static LoginAttempt loginForm(byte[] body) {
        String username = "";
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "username".equals(pair.substring(0, equals))) {
                try {
                    username = java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException unreadable) {
                    username = "";
                }
                break;
            }
        }
        return new LoginAttempt(Kind.LOGIN_FORM, username);
    }

    static boolean isPasswordCheck(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PASSWORD_CHECK.matcher(path(request)).matches();
    }

    /** The account whose password a password check's JSON body ({@code username}, {@code password}) names. */
    static LoginAttempt passwordCheck(byte[] body) {
        String username = "";
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.path("username").isTextual()) {
                username = json.get("username").asText();
            }
        } catch (IOException unreadable) {
            // the engine refuses it too; it counts with the empty name
        }
        return new LoginAttempt(Kind.PASSWORD_CHECK, username);
    }

    /** The path as the servlet container matched it: decoded, normalised, without path parameters. */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
