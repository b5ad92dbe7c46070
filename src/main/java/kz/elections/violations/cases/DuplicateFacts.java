package kz.elections.violations.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A new fact about the same offender (IIN or BIN), article and day as an open case may be the same
 * violation reported twice. It is flagged, never merged: the prosecutor decides at Task_CheckFact.
 * <p>
 * The open cases are looked up in the auditors' reporting table ({@code case_report}, one row per case,
 * kept in the engine's own transaction, indexed by the offender's identifier), not with a process instance
 * query over the engine's variables: that query joins ACT_RU_VARIABLE once per criterion and read every
 * open case's variables, half of an intake's time with a few thousand open cases (bench/run.sh profile).
 */
@Component
public class DuplicateFacts {

    private final JdbcTemplate jdbc;

    public DuplicateFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Case numbers of the open cases that look like the same fact. */
    public List<String> openCasesLike(String iin, String bin, String code, String article, String committedOn) {
        if ((iin == null && bin == null) || article == null || committedOn == null) {
            return List.of();
        }
        Date day;
        try {
            day = Date.valueOf(LocalDate.parse(committedOn));
        } catch (DateTimeParseException e) {
            return List.of();
        }
        String offender = iin != null ? "offender_iin" : "offender_bin";
        return jdbc.queryForList("select case_number from case_report where " + offender + " = ?"
                        + " and code = ? and article = ? and committed_on = ? and ended_at is null"
                        + " and case_number is not null order by case_number",
                String.class, iin != null ? iin : bin, code, article, day);
    }
}
