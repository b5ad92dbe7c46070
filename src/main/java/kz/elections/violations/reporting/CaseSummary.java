package kz.elections.violations.reporting;

import kz.elections.violations.model.IdentifierMask;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the case list, as the reporting table holds it. */
public record CaseSummary(
        String caseNumber,
        String processInstanceId,
        String electionId,
        String region,
        String regionCode,
        String code,
        String article,
        String part,
        String offenderKind,
        String offenderName,
        String offenderIin,
        String offenderBin,
        String districtCommission,
        String source,
        LocalDate committedOn,
        Instant registeredAt,
        Instant closedAt,
        String status,
        String outcome,
        String registration,
        boolean consentRequested,
        Boolean consentGranted,
        String rulingOutcome,
        BigDecimal fineMci,
        Long fineTenge,
        Boolean abbreviated,
        Integer processVersion) {

    /** The same row with the offender's IIN and BIN masked (all but the last four digits). */
    public CaseSummary masked() {
        return new CaseSummary(caseNumber, processInstanceId, electionId, region, regionCode, code, article, part, offenderKind,
                offenderName, IdentifierMask.mask(offenderIin), IdentifierMask.mask(offenderBin), districtCommission,
                source, committedOn, registeredAt, closedAt, status, outcome, registration, consentRequested,
                consentGranted, rulingOutcome, fineMci, fineTenge, abbreviated, processVersion);
    }
}
