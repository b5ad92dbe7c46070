package kz.elections.violations.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What {@code GET /api/statistics} answers. Counts of facts by each dimension; the sanctions count the
 * rulings that took legal effect (outcome {@code SANCTION_IMPOSED}); consent is requested when the
 * case reached {@code Task_DecideConsent}; {@code complaints} counts the complaints of the same election and
 * days. Holds no IIN or BIN, and nothing of a complainant.
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
        long abbreviated,
        Complaints complaints) {

    public record Consent(long requested, long granted, long refused) {
    }

    public record Fines(long count, BigDecimal totalMci, long totalTenge, long abbreviated) {
    }

    /**
     * The complaints from the public and partners.
     *
     * @param received  every complaint, whatever its status
     * @param byStatus  by {@code complaints.ComplaintStatus}, every status named (0 where none)
     * @param byChannel by {@code partners.Channel}, every channel named (0 where none)
     * @param byRegion  by region code ({@code GET /api/regions} names them), the regions that have complaints
     * @param anonymous those without a name or a way to reach the complainant
     */
    public record Complaints(long received, Map<String, Long> byStatus, Map<String, Long> byChannel,
                             Map<String, Long> byRegion, long anonymous, AnswerTimes answerTimes) {
    }

    /**
     * How fast the complaints were answered against the law's term ({@code answerDueAt}, the due date of their
     * triage task from {@code ComplaintAnswerTerm}).
     *
     * @param answered       the complaints accepted, merged or rejected
     * @param medianHours    the median of the hours from receipt to answer, one decimal; null when none was answered
     * @param p90Hours       the 90th percentile of the same (linear between the closest ranks); null likewise
     * @param answeredOnTime answered at or before their term
     * @param answeredLate   answered after it
     * @param openPastTerm   not answered yet and past their term by the engine's clock
     */
    public record AnswerTimes(long answered, BigDecimal medianHours, BigDecimal p90Hours, long answeredOnTime,
                              long answeredLate, long openPastTerm) {
    }
}
