package kz.elections.violations.cases;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands out readable case numbers, {@code <year>-<six-digit number within the year>}, from a counter
 * row per year. The row is locked by the update until the transaction that starts the case commits,
 * so two nodes never hand out the same number.
 */
@Component
public class CaseNumbers {

    private static final ZoneId NUMBERING_ZONE = ZoneId.of("Asia/Almaty");

    private final JdbcTemplate jdbc;

    public CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        int year = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), NUMBERING_ZONE).getYear();
        jdbc.update("merge into case_number_counter c using (select cast(? as int) as case_year) y "
                + "on c.case_year = y.case_year "
                + "when not matched then insert (case_year, last_number) values (y.case_year, 0)", year);
        jdbc.update("update case_number_counter set last_number = last_number + 1 where case_year = ?", year);
        Integer number = jdbc.queryForObject(
                "select last_number from case_number_counter where case_year = ?", Integer.class, year);
        return String.format("%d-%06d", year, number);
    }
}
