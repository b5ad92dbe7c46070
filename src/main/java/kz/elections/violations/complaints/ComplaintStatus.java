package kz.elections.violations.complaints;

/** Where a complaint stands, as its status page says. */
public enum ComplaintStatus {
    /** Waiting for the prosecutors' triage. */
    RECEIVED,
    /** A case was opened for it. */
    ACCEPTED,
    /** Joined to a case that exists. */
    MERGED,
    /** Rejected, with the reason the complainant reads. */
    REJECTED
}
