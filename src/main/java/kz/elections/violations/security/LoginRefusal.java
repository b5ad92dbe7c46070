package kz.elections.violations.security;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A login refused before its password was checked: the status, a problem body (RFC 9457) that says why and
 * for how long, and {@code Retry-After}. It never says whether the account exists.
 */
record LoginRefusal(int status, String title, String detail, long retryAfterSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "urn:problem:login-throttled";

    static LoginRefusal lockedForThisClient(Duration remaining) {
        long seconds = seconds(remaining);
        return new LoginRefusal(HttpServletResponse.SC_UNAUTHORIZED, "Account locked for this client",
                "Too many wrong passwords for this account from this client: the account is locked for this client for "
                        + seconds + " seconds, even with the right password. Other clients can still log in with it.",
                seconds);
    }

    static LoginRefusal lockedForNewClients(Duration remaining) {
        long seconds = seconds(remaining);
        return new LoginRefusal(HttpServletResponse.SC_UNAUTHORIZED, "Account locked for new clients",
                "Too many wrong passwords for this account from many clients: the account is locked for " + seconds
                        + " seconds for clients that have not logged in with it before. Clients that have keep working.",
                seconds);
    }

    static LoginRefusal tooManyFromThisClient(Duration remaining) {
        long seconds = seconds(remaining);
        return new LoginRefusal(429, "Too many wrong passwords from this client",
                "Too many wrong passwords from this client for several accounts: its logins are refused for " + seconds
                        + " seconds, except with accounts it has logged in with before.",
                seconds);
    }

    static LoginRefusal tooManyAtOnce() {
        return new LoginRefusal(429, "Too many logins at once",
                "Too many logins of this account or from this client are under way at once; try again in a second.", 1);
    }

    /** Answers the request; a refused HTTP Basic login also gets the Basic challenge when {@code challenge}. */
    void write(HttpServletResponse response, boolean challenge) throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (challenge && status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"election-violations\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("retryAfterSeconds", retryAfterSeconds);
        response.getWriter().write(JSON.writeValueAsString(problem));
    }

    private static long seconds(Duration remaining) {
        return Math.max(1, (remaining.toMillis() + 999) / 1000);
    }
}
