package kz.elections.violations.security;

/** What became of a login the throttle let through. */
enum LoginOutcome {
    /** The password was checked and right. */
    SUCCEEDED,
    /** The password was checked and wrong. */
    FAILED,
    /** Something else answered (a refused CSRF token, a bad request): no password was checked. */
    UNDECIDED
}
