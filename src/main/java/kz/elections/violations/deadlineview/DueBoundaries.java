package kz.elections.violations.deadlineview;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The moments that separate the due states for one election: now, the end of today and the end of this
 * week (Sunday 24:00) in the election's time zone.
 */
record DueBoundaries(Instant now, Instant endOfToday, Instant endOfWeek) {

    static DueBoundaries at(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return new DueBoundaries(now, today.plusDays(1).atStartOfDay(zone).toInstant(),
                nextMonday.atStartOfDay(zone).toInstant());
    }

    DueState of(Instant due) {
        if (due == null || !due.isBefore(endOfWeek)) {
            return DueState.LATER;
        }
        if (due.isBefore(now)) {
            return DueState.OVERDUE;
        }
        return due.isBefore(endOfToday) ? DueState.DUE_TODAY : DueState.DUE_THIS_WEEK;
    }
}
