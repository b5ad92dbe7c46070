package kz.elections.violations.security;

import kz.elections.violations.api.CachedBodyRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The login throttle in front of every login: HTTP Basic on the project API, the OpenAPI description and
 * the engine REST API, the webapps' login form, and {@code identity/verify}. Before the
 * authentication filters it asks {@link LoginThrottle} whether the client may try the named account's
 * password now and answers a refused login itself (401 or 429, a problem body saying for how long,
 * {@code Retry-After}), so that no password is checked. After them it reports what became of the login: a
 * right password (the witness saw the user authenticated, the login form answered 200, the password check
 * answered {@code authenticated: true}), a wrong one (401, or {@code authenticated: false}), or neither.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /** A password check's body is a user name and a password; a longer one is refused unread. */
    private static final int LONGEST_PASSWORD_CHECK = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoginThrottle throttle;
    private final ClientAddresses clientAddresses;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddresses clientAddresses) {
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<LoginAttempt> attempts = new ArrayList<>();
        LoginAttempt.basic(request).ifPresent(attempts::add);
        HttpServletRequest forwarded = request;
        boolean loginForm = LoginAttempt.isLoginForm(request);
        boolean passwordCheck = LoginAttempt.isPasswordCheck(request);
        if (loginForm || passwordCheck) {
            // the account is in the body: read it once, hand the same bytes on
            byte[] body = request.getInputStream().readNBytes(LONGEST_PASSWORD_CHECK + 1);
            if (body.length > LONGEST_PASSWORD_CHECK) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            forwarded = new CachedBodyRequest(request, body);
            attempts.add(loginForm ? LoginAttempt.loginForm(body) : LoginAttempt.passwordCheck(body));
        }
        ContentCachingResponseWrapper checkAnswer = null;
        if (passwordCheck) {
            checkAnswer = new ContentCachingResponseWrapper(response);
        }
        if (attempts.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String client = clientAddresses.of(request);
        List<LoginThrottle.Admission> admitted = new ArrayList<>();
        try {
            for (LoginAttempt attempt : attempts) {
                LoginThrottle.Admission admission = admit(attempt, client);
                if (admission.refusal().isPresent()) {
                    admission.refusal().get().write(response, attempt.kind() == LoginAttempt.Kind.BASIC
                            && request.getHeader("X-Requested-With") == null);
                    return;
                }
                admitted.add(admission);
            }
            chain.doFilter(forwarded, checkAnswer == null ? response : checkAnswer);
            for (int i = 0; i < admitted.size(); i++) {
                admitted.get(i).end(outcome(attempts.get(i), forwarded, response.getStatus(), checkAnswer));
            }
        } finally {
            admitted.forEach(admission -> admission.end(LoginOutcome.UNDECIDED));
            if (checkAnswer != null) {
                checkAnswer.copyBodyToResponse();
            }
        }
    }

    private LoginThrottle.Admission admit(LoginAttempt attempt, String client) throws ServletException {
        try {
            return throttle.admit(attempt.account(), client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for logins under way", e);
        }
    }

    private static LoginOutcome outcome(LoginAttempt attempt, HttpServletRequest request, int status,
                                        ContentCachingResponseWrapper checkAnswer) {
        return switch (attempt.kind()) {
            case BASIC -> {
                Object user = request.getAttribute(AuthenticatedUserWitness.AUTHENTICATED_USER);
                if (user instanceof String id && id.toLowerCase(Locale.ROOT).equals(attempt.account().toLowerCase(Locale.ROOT))) {
                    yield LoginOutcome.SUCCEEDED;
                }
                yield status == HttpServletResponse.SC_UNAUTHORIZED ? LoginOutcome.FAILED : LoginOutcome.UNDECIDED;
            }
            case LOGIN_FORM -> switch (status) {
                case HttpServletResponse.SC_OK -> LoginOutcome.SUCCEEDED;
                case HttpServletResponse.SC_UNAUTHORIZED -> LoginOutcome.FAILED;
                default -> LoginOutcome.UNDECIDED;
            };
            case PASSWORD_CHECK -> status == HttpServletResponse.SC_OK ? passwordCheckOutcome(checkAnswer)
                    : LoginOutcome.UNDECIDED;
        };
    }

    private static LoginOutcome passwordCheckOutcome(ContentCachingResponseWrapper answer) {
        try {
            JsonNode json = JSON.readTree(answer.getContentAsByteArray());
            JsonNode authenticated = json == null ? null : json.get("authenticated");
            if (authenticated != null && authenticated.isBoolean()) {
                return authenticated.booleanValue() ? LoginOutcome.SUCCEEDED : LoginOutcome.FAILED;
            }
        } catch (IOException notJson) {
            // not the engine's answer
        }
        return LoginOutcome.UNDECIDED;
    }
}
