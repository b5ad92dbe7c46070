package kz.elections.violations.reporting;

import static kz.elections.violations.model.CaseVariables.*;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The case variables the reporting table keeps, each with its column and the column's type. */
final class ReportedVariables {

    private enum Type { TEXT, DATE, BOOLEAN, DECIMAL, LONG }

    private record Column(String name, Type type) {
    }

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry(CASE_NUMBER, new Column("case_number", Type.TEXT)),
            Map.entry(ELECTION_ID, new Column("election_id", Type.TEXT)),
            Map.entry(REGION, new Column("region", Type.TEXT)),
            Map.entry(REGION_CODE, new Column("region_code", Type.TEXT)),
            Map.entry(CODE, new Column("code", Type.TEXT)),
            Map.entry(ARTICLE, new Column("article", Type.TEXT)),
            Map.entry(PART, new Column("part", Type.TEXT)),
            Map.entry(OFFENDER_KIND, new Column("offender_kind", Type.TEXT)),
            Map.entry(OFFENDER_NAME, new Column("offender_name", Type.TEXT)),
            Map.entry(OFFENDER_IIN, new Column("offender_iin", Type.TEXT)),
            Map.entry(OFFENDER_BIN, new Column("offender_bin", Type.TEXT)),
            Map.entry(DISTRICT_COMMISSION, new Column("district_commission", Type.TEXT)),
            Map.entry(SOURCE, new Column("source", Type.TEXT)),
            Map.entry(COMMITTED_ON, new Column("committed_on", Type.DATE)),
            Map.entry(CASE_STATUS, new Column("case_status", Type.TEXT)),
            Map.entry(OUTCOME, new Column("outcome", Type.TEXT)),
            Map.entry(REGISTRATION, new Column("registration", Type.TEXT)),
            Map.entry(REGISTRATION_REASON, new Column("registration_reason", Type.TEXT)),
            Map.entry(CONSENT_GRANTED, new Column("consent_granted", Type.BOOLEAN)),
            Map.entry(RULING_OUTCOME, new Column("ruling_outcome", Type.TEXT)),
            Map.entry(FINE_MCI, new Column("fine_mci", Type.DECIMAL)),
            Map.entry(FINE_TENGE, new Column("fine_tenge", Type.LONG)),
            Map.entry(ABBREVIATED_PROCEDURE, new Column("abbreviated", Type.BOOLEAN)));

    /** The smallest number a {@code numeric(12, 2)} column cannot hold. */
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(10);

    private ReportedVariables() {
    }

    static boolean isReported(String variable) {
        return COLUMNS.containsKey(variable);
    }

    static String column(String variable) {
        return COLUMNS.get(variable).name();
    }

    /** The variable's value as its column stores it; a value of the wrong type, or too large, is stored as null. */
    static Object columnValue(String variable, Object value) {
        if (value == null) {
            return null;
        }
        return switch (COLUMNS.get(variable).type()) {
            case TEXT -> value.toString();
            case DATE -> date(value);
            case BOOLEAN -> value instanceof Boolean flag ? flag : null;
            case DECIMAL -> value instanceof Number number ? decimal(number) : null;
            case LONG -> value instanceof Number number ? number.longValue() : null;
        };
    }

    /**
     * A number as {@code numeric(12, 2)} holds it; null for NaN, an infinity or ten digits before the
     * point, which the column cannot hold. The value is taken as the variable is set, before the task's
     * rules run: those refuse such a fine naming it, and the refused command writes nothing.
     */
    private static BigDecimal decimal(Number number) {
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        return decimal.abs().compareTo(DECIMAL_LIMIT) < 0 ? decimal : null;
    }

    private static Date date(Object value) {
        if (value instanceof java.util.Date instant) {
            return new Date(instant.getTime());
        }
        try {
            String text = value.toString();
            return Date.valueOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
