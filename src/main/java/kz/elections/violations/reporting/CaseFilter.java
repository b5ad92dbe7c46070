package kz.elections.violations.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.model.CaseStatus;
import kz.elections.violations.model.OffenderKind;
import kz.elections.violations.model.Outcome;

/**
 * The filters of the case list and the statistics. {@code from} and {@code to} bound the day the act
 * was committed ({@code committedOn}), both inclusive. Every filter is optional. {@code districts} and
 * {@code regionCodes} are the reader's scope: when either is not null, only the cases of those district
 * commissions or of those regions (by region code) match, whichever list names them.
 */
public record CaseFilter(String electionId, String region, String article, String offenderKind, String status,
                         String outcome, LocalDate from, LocalDate to, List<String> districts,
                         List<String> regionCodes) {

    public static CaseFilter of(String electionId, String region, String article, String offenderKind,
                                String status, String outcome, String from, String to) {
        List<FieldProblem> problems = new ArrayList<>();
        checkEnum("offenderKind", offenderKind, OffenderKind.values(), problems);
        checkEnum("status", status, CaseStatus.values(), problems);
        checkEnum("outcome", outcome, Outcome.values(), problems);
        LocalDate fromDay = date("from", from, problems);
        LocalDate toDay = date("to", to, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new CaseFilter(blankToNull(electionId), blankToNull(region), blankToNull(article),
                blankToNull(offenderKind), blankToNull(status), blankToNull(outcome), fromDay, toDay, null, null);
    }

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /** Every case of one election. */
    public static CaseFilter ofElection(String electionId) {
        return new CaseFilter(electionId, null, null, null, null, null, null, null, null, null);
    }

    /** The same filter limited to the cases of these district commissions (a commission member's view). */
    public CaseFilter withinDistricts(List<String> districtCommissions) {
        return new CaseFilter(electionId, region, article, offenderKind, status, outcome, from, to,
                List.copyOf(districtCommissions), regionCodes);
    }

    /** The same filter limited to the cases of these districts or these regions (a reader's own cases). */
    public CaseFilter within(List<String> districtCommissions, List<String> ownRegionCodes) {
        return new CaseFilter(electionId, region, article, offenderKind, status, outcome, from, to,
                List.copyOf(districtCommissions), List.copyOf(ownRegionCodes));
    }

    /** Whether the filter is limited to a reader's districts or regions. */
    public boolean isScoped() {
        return districts != null || regionCodes != null;
    }

    /** The SQL condition over case_report and its arguments, in order. */
    SqlCondition toSql() {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        equal(where, arguments, "election_id", electionId);
        equal(where, arguments, "region", region);
        equal(where, arguments, "article", article);
        equal(where, arguments, "offender_kind", offenderKind);
        equal(where, arguments, "case_status", status);
        equal(where, arguments, "outcome", outcome);
        if (from != null) {
            where.append(" and committed_on >= ?");
            arguments.add(java.sql.Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and committed_on <= ?");
            arguments.add(java.sql.Date.valueOf(to));
        }
        if (isScoped()) {
            where.append(" and (1 = 0");
            any(where, arguments, "district_commission", districts);
            any(where, arguments, "region_code", regionCodes);
            where.append(")");
        }
        return new SqlCondition(where.toString(), arguments);
    }

    private static void any(StringBuilder where, List<Object> arguments, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" or ").append(column).append(" in (")
                    .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(")");
            arguments.addAll(values);
        }
    }

    record SqlCondition(String where, List<Object> arguments) {
    }

    private static void equal(StringBuilder where, List<Object> arguments, String column, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            arguments.add(value);
        }
    }

    private static <E extends Enum<E>> void checkEnum(String field, String value, E[] allowed,
                                                      List<FieldProblem> problems) {
        if (value != null && !value.isBlank() && Arrays.stream(allowed).noneMatch(e -> e.name().equals(value))) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(allowed)));
        }
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO date such as 2023-03-01"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
