package kz.elections.violations.cases;

import kz.elections.violations.model.IdentifierMask;

import java.util.List;

/**
 * What {@code GET /api/cases/{caseNumber}} reports of a case; {@code complaints}: the tracking numbers of
 * the complaints accepted into the case or merged with it.
 */
public record CaseView(
        String caseNumber,
        String processInstanceId,
        String status,
        String outcome,
        Sanction sanction,
        String registration,
        String registrationReason,
        String registrationReasonCode,
        RegistrationDecisions registrationDecisions,
        String electionId,
        String region,
        String regionCode,
        String committedOn,
        Offender offender,
        String code,
        String article,
        String part,
        OffenceTitle offenceTitle,
        String source,
        String description,
        ProcessVersion processVersion,
        List<OpenTask> openTasks,
        List<Step> steps,
        FollowUp followUp,
        boolean atRisk,
        List<String> escalations,
        List<String> complaints) {

    /**
     * What follows from the offence (DMN CaseFollowUp) and what came of it: an observer's registration,
     * a foreign observer's accreditation, the criminal case's register number, the abbreviated
     * procedure's payment deadline, and open cases this fact may duplicate.
     */
    public record FollowUp(String kind, String observerRegistration, String accreditation, String investigationNumber,
                           java.util.Date paymentDueAt, List<String> possibleDuplicates, String linkedCaseNumber) {
    }

    /** The offence's title in the offence catalogue, in Kazakh, Russian and English; null for an article it no longer lists. */
    public record OffenceTitle(String kk, String ru, String en) {
    }

    /** The district commission's decisions on the registration: each kept, a restoration beside the cancellation. */
    public record RegistrationDecisions(String cancellation, String restoration) {
    }

    /**
     * A completed user task: who completed it and when (from the engine's user operation log); for a
     * decision, the choice as a code ({@code decision}, e.g. NOT_CONFIRMED, CONSENT_REFUSED, DISMISSED,
     * OVERTURNED) and why ({@code reason}, required for a choice against the case), null for other steps.
     */
    public record Step(String taskDefinitionKey, String name, java.util.Date completedAt, String completedBy,
                       String decision, String reason) {
    }

    /** The same case with the offender's IIN/BIN masked to their last four digits. */
    public CaseView withMaskedIdentification() {
        return new CaseView(caseNumber, processInstanceId, status, outcome, sanction, registration, registrationReason,
                registrationReasonCode, registrationDecisions, electionId, region, regionCode, committedOn,
                new Offender(offender.kind(), offender.name(), IdentifierMask.mask(offender.iin()),
                        IdentifierMask.mask(offender.bin()), offender.districtCommission()),
                code, article, part, offenceTitle, source, description, processVersion, openTasks, steps, followUp,
                atRisk, escalations, complaints);
    }


    public record Sanction(String kind, Number fineMci, Long fineTenge, Boolean abbreviated) {
    }

    public record Offender(String kind, String name, String iin, String bin, String districtCommission) {
    }

    public record ProcessVersion(String processDefinitionId, int version, String versionTag) {
    }

    /** An open user task, its candidate groups and its due date (table TaskDeadlines). */
    public record OpenTask(String taskId, String taskDefinitionKey, String name, List<String> candidateGroups,
                           java.util.Date due) {
    }
}
