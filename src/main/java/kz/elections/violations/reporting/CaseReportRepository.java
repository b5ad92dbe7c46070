package kz.elections.violations.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Reads of the reporting table: the case list and the rows the statistics count. */
@Repository
public class CaseReportRepository {

    private static final String COLUMNS = "case_number, process_instance_id, election_id, region, region_code, code, article, "
            + "part, offender_kind, offender_name, offender_iin, offender_bin, district_commission, source, "
            + "committed_on, started_at, ended_at, case_status, outcome, registration, consent_requested, "
            + "consent_granted, ruling_outcome, fine_mci, fine_tenge, abbreviated, process_version";

    private final JdbcTemplate jdbc;

    public CaseReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count(CaseFilter filter) {
        CaseFilter.SqlCondition condition = filter.toSql();
        Long count = jdbc.queryForObject("select count(*) from case_report" + condition.where(), Long.class,
                condition.arguments().toArray());
        return count == null ? 0 : count;
    }

    /** Newest registration first. */
    public List<CaseSummary> page(CaseFilter filter, int page, int size) {
        CaseFilter.SqlCondition condition = filter.toSql();
        List<Object> arguments = new ArrayList<>(condition.arguments());
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query("select " + COLUMNS + " from case_report" + condition.where()
                        + " order by started_at desc, process_instance_id limit ? offset ?",
                CaseReportRepository::summary, arguments.toArray());
    }

    /** Every matching row, newest first, handed over one at a time (for the CSV export). */
    public void forEach(CaseFilter filter, Consumer<CaseSummary> consumer) {
        CaseFilter.SqlCondition condition = filter.toSql();
        RowCallbackHandler handler = row -> consumer.accept(summary(row, 0));
        jdbc.query("select " + COLUMNS + " from case_report" + condition.where()
                + " order by started_at desc, process_instance_id", handler, condition.arguments().toArray());
    }

    /**
     * Case numbers of the open cases about the same offender (IIN, or BIN for a legal entity), code,
     * article and day: indexed by the offender's identifier (V5), so the look-up does not grow with the
     * number of open cases.
     */
    public List<String> openCasesLike(String iin, String bin, String code, String article, LocalDate committedOn) {
        String offender = iin != null ? "offender_iin" : "offender_bin";
        return jdbc.queryForList("select case_number from case_report where " + offender + " = ?"
                        + " and code = ? and article = ? and committed_on = ? and ended_at is null"
                        + " and case_number is not null order by case_number",
                String.class, iin != null ? iin : bin, code, article, java.sql.Date.valueOf(committedOn));
    }

    /**
     * The open cases of the election about an offender of this name (ignoring case) or of this day, newest
     * first: what a complaint's triage suggests joining it to.
     */
    public List<CaseSummary> openCasesOfElection(String electionId, String offenderName, LocalDate committedOn,
                                                 int limit) {
        return jdbc.query("select " + COLUMNS + " from case_report where election_id = ? and ended_at is null"
                        + " and case_number is not null and (committed_on = ? or lower(offender_name) = ?)"
                        + " order by started_at desc, process_instance_id fetch first ? rows only",
                CaseReportRepository::summary, electionId, java.sql.Date.valueOf(committedOn),
                offenderName == null ? "" : offenderName.strip().toLowerCase(java.util.Locale.ROOT), limit);
    }

    public Optional<String> processInstanceIdOf(String caseNumber) {
        return jdbc.queryForList("select process_instance_id from case_report where case_number = ?"
                        + " order by started_at desc", String.class, caseNumber).stream().findFirst();
    }

    /** The district commission of a candidate's or observer's case; empty for other cases and unknown numbers. */
    public Optional<String> districtCommissionOf(String caseNumber) {
        return jdbc.queryForList("select district_commission from case_report where case_number = ?"
                + " and district_commission is not null", String.class, caseNumber).stream().findFirst();
    }

    /** Who may read a case depends on its district commission and its region. */
    public record CaseScope(String districtCommission, String regionCode) {
    }

    /** The district commission and region code of a case (the newest with the number); empty for an unknown number. */
    public Optional<CaseScope> scopeOf(String caseNumber) {
        return jdbc.query("select district_commission, region_code from case_report where case_number = ?"
                        + " order by started_at desc", (row, n) -> new CaseScope(row.getString(1), row.getString(2)),
                caseNumber).stream().findFirst();
    }

    /** Each election's change counter of its cases (see CaseReportWriter). */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.HashMap<>();
        jdbc.query("select election_id, version from case_report_version",
                (RowCallbackHandler) row -> versions.put(row.getString(1), row.getLong(2)));
        return versions;
    }

    /** Grouped counts and sums over every dimension the statistics report, in one pass. */
    public void groups(CaseFilter filter, Consumer<ReportGroup> consumer) {
        CaseFilter.SqlCondition condition = filter.toSql();
        String dimensions = "election_id, code, article, offender_kind, region, source, case_status, outcome, "
                + "registration, consent_requested, consent_granted, ruling_outcome, abbreviated";
        RowCallbackHandler handler = row -> consumer.accept(new ReportGroup(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), row.getBoolean(10), nullableBoolean(row, 11),
                row.getString(12), nullableBoolean(row, 13), row.getLong(14), row.getBigDecimal(15),
                row.getLong(16)));
        jdbc.query("select " + dimensions + ", count(*), sum(fine_mci), sum(fine_tenge) from case_report"
                + condition.where() + " group by " + dimensions, handler, condition.arguments().toArray());
    }

    private static Boolean nullableBoolean(ResultSet row, int column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static CaseSummary summary(ResultSet row, int rowNumber) throws SQLException {
        java.sql.Date committedOn = row.getDate("committed_on");
        Timestamp startedAt = row.getTimestamp("started_at");
        Timestamp endedAt = row.getTimestamp("ended_at");
        long tenge = row.getLong("fine_tenge");
        Long fineTenge = row.wasNull() ? null : tenge;
        int version = row.getInt("process_version");
        Integer processVersion = row.wasNull() ? null : version;
        return new CaseSummary(row.getString("case_number"), row.getString("process_instance_id"),
                row.getString("election_id"), row.getString("region"), row.getString("region_code"), row.getString("code"),
                row.getString("article"), row.getString("part"), row.getString("offender_kind"),
                row.getString("offender_name"), row.getString("offender_iin"), row.getString("offender_bin"),
                row.getString("district_commission"), row.getString("source"),
                committedOn == null ? null : committedOn.toLocalDate(),
                startedAt == null ? null : startedAt.toInstant(), endedAt == null ? null : endedAt.toInstant(),
                row.getString("case_status"), row.getString("outcome"), row.getString("registration"),
                row.getBoolean("consent_requested"), nullableBoolean(row, row.findColumn("consent_granted")),
                row.getString("ruling_outcome"), row.getBigDecimal("fine_mci"), fineTenge,
                nullableBoolean(row, row.findColumn("abbreviated")), processVersion);
    }

    /** One group of identical dimension values with its count and fine sums. */
    public record ReportGroup(String electionId, String code, String article, String offenderKind, String region,
                              String source, String status, String outcome, String registration,
                              boolean consentRequested, Boolean consentGranted, String rulingOutcome,
                              Boolean abbreviated, long count, java.math.BigDecimal fineMci, long fineTenge) {
    }
}
