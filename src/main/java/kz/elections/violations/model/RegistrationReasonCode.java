package kz.elections.violations.model;

/**
 * Why the freeze decided a candidate's registration, as a code (the case's {@code registrationReasonCode},
 * beside the sentence {@code registrationReason}); the pages word it in the reader's language.
 */
public enum RegistrationReasonCode {
    /** An open Task_CancelRegistration was withdrawn when the freeze began: the registration is kept. */
    CANCELLATION_WITHDRAWN_BY_FREEZE,
    /** The ruling took effect inside the freeze: the cancellation was skipped, the registration is kept. */
    RULING_EFFECTIVE_INSIDE_FREEZE,
    /** The ruling was quashed inside the freeze: the restoration was skipped, the registration stays cancelled. */
    QUASHED_INSIDE_FREEZE,
    /** An open Task_RestoreRegistration was withdrawn when the freeze began: the registration stays cancelled. */
    RESTORATION_WITHDRAWN_BY_FREEZE
}
