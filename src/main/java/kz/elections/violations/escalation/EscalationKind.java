package kz.elections.violations.escalation;

/** Why an open task escalated. */
public enum EscalationKind {
    /** A registration task still open the configured time before the election's freeze. */
    BEFORE_FREEZE,
    /** A task past its due date (the law's terms for checking a fact and the consent among them). */
    OVERDUE
}
