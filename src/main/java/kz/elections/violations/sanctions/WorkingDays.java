package kz.elections.violations.sanctions;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Working days: Monday to Friday except the public holidays in the application's table. */
@Component
public class WorkingDays {

    private final JdbcTemplate jdbc;

    public WorkingDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        Integer holidays = jdbc.queryForObject("select count(*) from public_holiday where holiday_date = ?",
                Integer.class, java.sql.Date.valueOf(day));
        return holidays == null || holidays == 0;
    }

    /** The n-th working day after the given day (the day itself does not count). */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }
}
