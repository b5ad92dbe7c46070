package kz.elections.violations.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What {@code GET /api/statistics} answers. Counts of facts by each dimension; the sanctions count the
 * rulings that took legal effect (outcome {@code SANCTION_IMPOSED}); consent is requested when the
 * case reached {@code Task_DecideConsent}. Holds no IIN or BIN.
 */
public record Statistics(
        String electionId,
        LocalDate from,
        LocalDate to,
        long facts,
        Map<String, Long> byElection,
        Map<String, Long> byArticle,
        Map<String, Long> byOffenderKind,
        Map<String, Long> byRegion,
        Map<String, Long> bySource,
        Map<String, Long> byOutcome,
        Consent consent,
        long registrationsCancelled,
        long registrationsKeptDueToFreeze,
        long registrationsRestored,
        Fines fines,
        long warnings,
        long abbreviated) {

    public record Consent(long requested, long granted, long refused) {
    }

    public record Fines(long count, BigDecimal totalMci, long totalTenge, long abbreviated) {
    }
}
