package kz.elections.violations.api;

/** The authenticated user's groups do not allow the call. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
