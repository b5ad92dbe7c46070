package kz.elections.violations.model;

/** Names of the process variables of a ViolationCase (the public contract names them). */
public final class CaseVariables {

    public static final String PROCESS_KEY = "ViolationCase";

    // intake
    public static final String CASE_NUMBER = "caseNumber";
    public static final String ELECTION_ID = "electionId";
    /** The election's name as it was when the fact was registered, for Tasklist's list; absent on older cases. */
    public static final String ELECTION_NAME = "electionName";
    /** The region's English name as {@code GET /api/regions} lists it (older cases: the text they were registered with). */
    public static final String REGION = "region";
    /**
     * The region's code ({@code almaty}), which names its prosecutors' office {@code prosecutors-<code>}; written by
     * the intake from {@link #REGION}, absent on older cases whose region names no region.
     */
    public static final String REGION_CODE = "regionCode";
    public static final String COMMITTED_ON = "committedOn";
    public static final String PLACE = "place";
    public static final String OFFENDER_KIND = "offenderKind";
    public static final String OFFENDER_NAME = "offenderName";
    public static final String OFFENDER_IIN = "offenderIin";
    public static final String OFFENDER_BIN = "offenderBin";
    public static final String DISTRICT_COMMISSION = "districtCommission";
    public static final String CODE = "code";
    public static final String ARTICLE = "article";
    public static final String PART = "part";
    public static final String SOURCE = "source";
    public static final String DESCRIPTION = "description";
    public static final String SUBSTANTIAL_HARM = "substantialHarm";
    public static final String EXPELLED_FROM_POLLING_STATION = "expelledFromPollingStation";
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicates";
    public static final String DUPLICATE_RESOLUTION = "duplicateResolution";
    public static final String LINKED_CASE_NUMBER = "linkedCaseNumber";
    public static final String OFFENCE_TITLE = "offenceTitle";
    /** A case opened from a complaint (source COMPLAINT): the complaint's tracking number. */
    public static final String COMPLAINT_TRACKING_NUMBER = "complaintTrackingNumber";

    // decisions along the way
    public static final String FACT_CONFIRMED = "factConfirmed";
    public static final String CONSENT_GRANTED = "consentGranted";
    public static final String RULING_OUTCOME = "rulingOutcome";
    public static final String FINE_MCI = "fineMci";
    public static final String FINE_TENGE = "fineTenge";
    public static final String ABBREVIATED_PROCEDURE = "abbreviatedProcedure";
    public static final String RULING_DATE = "rulingDate";
    public static final String APPEAL_UPHELD = "appealUpheld";
    public static final String DECISION_NUMBER = "decisionNumber";
    public static final String APPEAL_PERIOD_ENDS_AT = "appealPeriodEndsAt";
    public static final String LEGAL_EFFECT_AT = "legalEffectAt";
    public static final String FOLLOW_UP = "followUp";
    public static final String PAYMENT_DUE_AT = "paymentDueAt";
    public static final String INVESTIGATION_NUMBER = "investigationNumber";
    public static final String OBSERVER_REGISTRATION = "observerRegistration";
    public static final String OBSERVER_DECISION_NUMBER = "observerDecisionNumber";
    public static final String ACCREDITATION = "accreditation";
    public static final String ACCREDITATION_SUBMISSION_NUMBER = "accreditationSubmissionNumber";
    public static final String ACCREDITATION_DECISION_NUMBER = "accreditationDecisionNumber";

    // why a decision went against the case: the form's "reason", kept per decision by the completion rules
    public static final String REASON = "reason";
    public static final String FACT_REASON = "factReason";
    public static final String DUPLICATE_REASON = "duplicateReason";
    public static final String CONSENT_REASON = "consentReason";
    public static final String RULING_REASON = "rulingReason";
    public static final String APPEAL_REASON = "appealReason";
    /** A completed decision task's own (task-local) record of the choice, as a code. */
    public static final String DECISION = "decision";

    // what the ruling form shows before it is submitted
    public static final String FINE_MIN_MCI = "fineMinMci";
    public static final String FINE_MAX_MCI = "fineMaxMci";
    public static final String ABBREVIATED_FINE_MCI = "abbreviatedFineMci";
    public static final String MCI_TENGE = "mciTenge";

    // the freeze
    public static final String REGISTRATION_FREEZE_FROM = "registrationFreezeFrom";
    public static final String REGISTRATION_FROZEN = "registrationFrozen";
    /** The election's freeze moment as the forms show it, {@code 17.03.2023 00:00 (Asia/Almaty)}. */
    public static final String REGISTRATION_FREEZE_FROM_TEXT = "registrationFreezeFromText";

    // escalation (escalation.EscalationSweep)
    /** True once a task of the case escalated; stays true as the case's record. */
    public static final String AT_RISK = "atRisk";
    /** The case's escalations, comma-separated {@code <taskDefinitionKey>:<kind>}, oldest first. */
    public static final String ESCALATIONS = "escalations";

    // what the case API reports
    public static final String CASE_STATUS = "caseStatus";
    public static final String OUTCOME = "outcome";
    public static final String REGISTRATION = "registration";
    public static final String REGISTRATION_REASON = "registrationReason";
    /** Why the freeze decided the registration, as a {@link RegistrationReasonCode}; absent on older cases. */
    public static final String REGISTRATION_REASON_CODE = "registrationReasonCode";
    public static final String CANCELLATION_DECISION_NUMBER = "cancellationDecisionNumber";
    public static final String RESTORATION_DECISION_NUMBER = "restorationDecisionNumber";

    /**
     * The case's record, the values the process routes on and whatever the application computes: written
     * only by the application's own steps (listeners, service tasks, decisions), never by a client, and
     * never a field of a form.
     */
    public static final java.util.Set<String> WRITTEN_BY_THE_APPLICATION = java.util.Set.of(CASE_NUMBER, ELECTION_NAME, CASE_STATUS,
            COMPLAINT_TRACKING_NUMBER,
            OUTCOME, REGISTRATION, REGISTRATION_REASON, REGISTRATION_REASON_CODE, FINE_TENGE, FOLLOW_UP, CANCELLATION_DECISION_NUMBER,
            RESTORATION_DECISION_NUMBER, POSSIBLE_DUPLICATES, OFFENCE_TITLE, APPEAL_PERIOD_ENDS_AT, LEGAL_EFFECT_AT,
            PAYMENT_DUE_AT, REGISTRATION_FREEZE_FROM, REGISTRATION_FREEZE_FROM_TEXT, REGISTRATION_FROZEN, "consentRequired", "deregistrationRequired",
            FINE_MIN_MCI, FINE_MAX_MCI, ABBREVIATED_FINE_MCI, "warningPossible", OBSERVER_REGISTRATION,
            OBSERVER_DECISION_NUMBER, ACCREDITATION, ACCREDITATION_SUBMISSION_NUMBER, ACCREDITATION_DECISION_NUMBER,
            FACT_REASON, DUPLICATE_REASON, CONSENT_REASON, RULING_REASON, APPEAL_REASON, DECISION, MCI_TENGE,
            AT_RISK, ESCALATIONS, REGION_CODE);

    private CaseVariables() {
    }
}
