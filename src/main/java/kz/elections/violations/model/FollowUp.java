package kz.elections.violations.model;

/** What follows a ruling's legal effect ({@code followUp}, decided by the CaseFollowUp decision table). */
public enum FollowUp {
    NONE, CANDIDATE_DEREGISTRATION, CRIMINAL_HANDOFF, OBSERVER_REGISTRATION_CANCELLED,
    FOREIGN_OBSERVER_ACCREDITATION_REVOKED
}
