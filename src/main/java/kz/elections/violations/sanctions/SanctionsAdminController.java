package kz.elections.violations.sanctions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data that prices fines and counts deadlines, which admins extend each year: the MCI per year
 * and the public holidays. Everyone authenticated reads; only admins write.
 */
@RestController
public class SanctionsAdminController {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;

    public SanctionsAdminController(JdbcTemplate jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public record MciRate(int year, BigDecimal tenge) {
    }

    public record Holiday(LocalDate date, String name) {
    }

    @GetMapping("/api/mci-rates")
    public List<MciRate> rates() {
        return jdbc.query("select rate_year, tenge from mci_rate order by rate_year",
                (row, n) -> new MciRate(row.getInt(1), row.getBigDecimal(2)));
    }

    /** Body {"tenge": 4325}: adds the year's rate or corrects it. */
    @PutMapping("/api/mci-rates/{year}")
    @Transactional
    public MciRate putRate(@PathVariable int year, @RequestBody Map<String, Object> body) {
        currentUser.requireAdmin();
        if (year < 1990 || year > 2100) {
            throw new InvalidRequestException("year", "must be a calendar year between 1990 and 2100");
        }
        Object value = body.get("tenge");
        if (!(value instanceof Number number) || new BigDecimal(number.toString()).signum() <= 0) {
            throw new InvalidRequestException("tenge", "is required: the MCI of the year in tenge, a positive number");
        }
        BigDecimal tenge = new BigDecimal(number.toString());
        if (jdbc.update("update mci_rate set tenge = ? where rate_year = ?", tenge, year) == 0) {
            jdbc.update("insert into mci_rate (rate_year, tenge) values (?, ?)", year, tenge);
        }
        return new MciRate(year, tenge);
    }

    @GetMapping("/api/calendar/holidays")
    public List<Holiday> holidays() {
        return jdbc.query("select holiday_date, name from public_holiday order by holiday_date",
                (row, n) -> new Holiday(row.getDate(1).toLocalDate(), row.getString(2)));
    }

    /** Body {"name": "Day off moved from 4 January"}: adds a non-working day. */
    @PutMapping("/api/calendar/holidays/{date}")
    @Transactional
    public Holiday putHoliday(@PathVariable String date, @RequestBody Map<String, Object> body) {
        currentUser.requireAdmin();
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("date", "must be an ISO date such as 2026-01-05");
        }
        Object name = body.get("name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new InvalidRequestException("name", "is required: what the day is");
        }
        java.sql.Date sqlDay = java.sql.Date.valueOf(day);
        if (jdbc.update("update public_holiday set name = ? where holiday_date = ?", text, sqlDay) == 0) {
            jdbc.update("insert into public_holiday (holiday_date, name) values (?, ?)", sqlDay, text);
        }
        return new Holiday(day, text);
    }
}
