package kz.elections.violations.statistics;

import kz.elections.violations.complaints.ComplaintCounts;
import kz.elections.violations.model.RulingOutcome;
import kz.elections.violations.reporting.CaseFilter;
import kz.elections.violations.reporting.CaseReportRepository;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import kz.elections.violations.reporting.CaseReportRepository.ReportGroup;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.model.Outcome;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Counts the reporting table's rows in grouped queries and folds the groups into the briefing's figures.
 * Without a date range the groups are counted per election and kept in memory with the election's
 * change counter ({@code case_report_version}, moved in the same transaction as every change of its
 * cases); a request recounts only the elections whose counter has moved since, so the answer is always
 * current, on every node of a cluster, and the briefing over all elections costs what changed. A date
 * range, and a regional office's own region, are counted directly (narrow and indexed). The complaints of
 * the same election, days and regions are counted directly too ({@link ComplaintStatistics}); their open
 * ones' terms are read against the engine's clock.
 */
@Service
public class StatisticsService {

    private final CaseReportRepository reports;
    private final ComplaintStatistics complaints;
    private final Map<String, CountedElection> counted = new ConcurrentHashMap<>();

    StatisticsService(CaseReportRepository reports, ComplaintStatistics complaints) {
        this.reports = reports;
        this.complaints = complaints;
    }

    private record CountedElection(long version, List<ReportGroup> groups) {
    }

    /**
     * The figures of the cases the filter names and of the complaints that go with them: a regional office's
     * filter (its region codes) counts its own region's complaints only.
     */
    public Statistics statistics(CaseFilter filter) {
        return statistics(filter, filter.regionCodes() == null ? null : Set.copyOf(filter.regionCodes()));
    }

    /**
     * The figures of the cases the filter names and of the complaints of its election and days in these regions.
     *
     * @param complaintRegions the region codes whose complaints count; null for every region
     */
    public Statistics statistics(CaseFilter filter, Set<String> complaintRegions) {
        Tally tally = new Tally();
        if (filter.from() == null && filter.to() == null && filter.region() == null && filter.article() == null
                && filter.offenderKind() == null && filter.status() == null && filter.outcome() == null
                && !filter.isScoped()) {
            Map<String, Long> versions = reports.versions();
            Set<String> elections = filter.electionId() == null ? versions.keySet() : Set.of(filter.electionId());
            for (String election : elections) {
                Long version = versions.get(election);
                if (version != null) {
                    countedNow(election, version).groups().forEach(tally::add);
                }
            }
        } else {
            reports.groups(filter, tally::add);
        }
        return new Statistics(filter.electionId(), filter.from(), filter.to(), tally.facts, tally.byElection,
                tally.byArticle, tally.byOffenderKind, tally.byRegion, tally.bySource, tally.byOutcome,
                new Statistics.Consent(tally.consentRequested, tally.consentGranted, tally.consentRefused),
                tally.cancelled, tally.keptDueToFreeze, tally.restored,
                new Statistics.Fines(tally.fines, tally.fineMci.stripTrailingZeros().scale() <= 0
                        ? tally.fineMci.setScale(0) : tally.fineMci.stripTrailingZeros(),
                        tally.fineTenge, tally.finesAbbreviated),
                tally.warnings, tally.abbreviated,
                complaints.complaints(complaintFilter(filter, complaintRegions), ClockUtil.getCurrentTime().toInstant()));
    }

    /** The complaints that go with the cases' filter: the same election and days (of the act), in the regions. */
    static ComplaintCounts.Filter complaintFilter(CaseFilter filter, Set<String> regionCodes) {
        return new ComplaintCounts.Filter(filter.electionId(), filter.from(), filter.to(), regionCodes);
    }

    private CountedElection countedNow(String election, long version) {
        CountedElection known = counted.get(election);
        if (known != null && known.version() == version) {
            return known;
        }
        // the version is read before the rows: a change committed in between only causes one more recount
        List<ReportGroup> groups = new ArrayList<>();
        reports.groups(CaseFilter.ofElection(election), groups::add);
        CountedElection now = new CountedElection(version, List.copyOf(groups));
        counted.put(election, now);
        return now;
    }

    /** The article as the briefing names it: a bare number for the CAO, "CC 150" for the Criminal Code. */
    static String articleKey(String code, String article) {
        if (article == null) {
            return "unknown";
        }
        return code == null || "CAO".equals(code) ? article : code + " " + article;
    }

    private static final class Tally {
        long facts;
        final Map<String, Long> byElection = new TreeMap<>();
        final Map<String, Long> byArticle = new TreeMap<>();
        final Map<String, Long> byOffenderKind = new TreeMap<>();
        final Map<String, Long> byRegion = new TreeMap<>();
        final Map<String, Long> bySource = new TreeMap<>();
        final Map<String, Long> byOutcome = new TreeMap<>();
        long consentRequested;
        long consentGranted;
        long consentRefused;
        long cancelled;
        long keptDueToFreeze;
        long restored;
        long fines;
        BigDecimal fineMci = BigDecimal.ZERO;
        long fineTenge;
        long finesAbbreviated;
        long warnings;
        long abbreviated;

        void add(CaseReportRepository.ReportGroup group) {
            long n = group.count();
            facts += n;
            count(byElection, group.electionId(), n);
            count(byArticle, articleKey(group.code(), group.article()), n);
            count(byOffenderKind, group.offenderKind(), n);
            count(byRegion, group.region(), n);
            count(bySource, group.source(), n);
            boolean open = !CaseStatus.CLOSED.name().equals(group.status());
            count(byOutcome, open ? CaseStatus.OPEN.name() : group.outcome(), n);
            if (group.consentRequested()) {
                consentRequested += n;
            }
            if (Boolean.TRUE.equals(group.consentGranted())) {
                consentGranted += n;
            } else if (Boolean.FALSE.equals(group.consentGranted())) {
                consentRefused += n;
            }
            switch (group.registration() == null ? "" : group.registration()) {
                case "CANCELLED" -> cancelled += n;
                case "KEPT_DUE_TO_FREEZE" -> keptDueToFreeze += n;
                case "RESTORED" -> restored += n;
                default -> { }
            }
            if (!open && Outcome.SANCTION_IMPOSED.name().equals(group.outcome())) {
                boolean abbreviatedProcedure = Boolean.TRUE.equals(group.abbreviated());
                if (RulingOutcome.FINE.is(group.rulingOutcome())) {
                    fines += n;
                    fineMci = fineMci.add(group.fineMci() == null ? BigDecimal.ZERO : group.fineMci());
                    fineTenge += group.fineTenge();
                    if (abbreviatedProcedure) {
                        finesAbbreviated += n;
                    }
                } else if (RulingOutcome.WARNING.is(group.rulingOutcome())) {
                    warnings += n;
                }
                if (abbreviatedProcedure) {
                    abbreviated += n;
                }
            }
        }

        private static void count(Map<String, Long> counts, String key, long n) {
            counts.merge(key == null ? "unknown" : key, n, Long::sum);
        }
    }
}
