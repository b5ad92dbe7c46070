package kz.elections.violations.model;

public enum Outcome {
    NOT_CONFIRMED, CONSENT_REFUSED, DISMISSED, OVERTURNED_ON_APPEAL, SANCTION_IMPOSED, HANDED_TO_INVESTIGATION,
    /** The fact was found to be the same as an open case and linked to it (see duplicates). */
    LINKED_TO_EXISTING_CASE
}
