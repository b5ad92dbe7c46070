package kz.elections.violations.model;

/** Where a follow-up stands: an observer's registration cancelled, a foreign observer's accreditation revoked. */
public enum FollowUpState {
    /** {@code observerRegistration}: the commission cancelled it. */
    CANCELLED,
    /** {@code accreditation}: the CEC revoked it. */
    REVOKED
}
