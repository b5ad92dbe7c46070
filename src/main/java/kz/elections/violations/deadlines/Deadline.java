package kz.elections.violations.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import kz.elections.violations.election.Election;
import kz.elections.violations.sanctions.WorkingDays;

/**
 * One row of the table {@code TaskDeadlines}: a term ({@code P5D}, {@code PT24H}) counted in calendar
 * or working days from the task's creation, or a moment of the election's calendar ({@code dueAt}).
 */
record Deadline(String term, String counting, String dueAt) {

    static final String CALENDAR_DAYS = "CALENDAR_DAYS";
    static final String WORKING_DAYS = "WORKING_DAYS";
    static final String REGISTRATION_FREEZE = "registrationFreeze";

    /** Whether the due date is a moment of the election's calendar, so that it moves with the calendar. */
    boolean followsTheCalendar() {
        return dueAt != null && !dueAt.isBlank();
    }

    /**
     * The due moment of a task created at the given moment: the election's freeze; or the term added in
     * the election's zone (UTC for a process without an election); or, in working days, the end of the n-th working day after the creation day.
     */
    Instant dueFor(Instant createdAt, Election election, WorkingDays workingDays) {
        if (followsTheCalendar()) {
            if (!REGISTRATION_FREEZE.equals(dueAt)) {
                throw new IllegalStateException("TaskDeadlines: unknown dueAt '" + dueAt
                        + "' (the table knows \"" + REGISTRATION_FREEZE + "\")");
            }
            if (election == null) {
                throw new IllegalStateException("TaskDeadlines: a task due at the registration freeze in a case without an election");
            }
            return election.registrationFreezeFrom();
        }
        if (term == null || term.isBlank()) {
            throw new IllegalStateException("TaskDeadlines: a row with neither a term nor dueAt");
        }
        ZoneId zone = election == null ? ZoneOffset.UTC : election.zone();
        ZonedDateTime created = createdAt.atZone(zone);
        if (WORKING_DAYS.equals(counting)) {
            Period period = period();
            if (period.toTotalMonths() != 0) {
                throw new IllegalStateException("TaskDeadlines: working days are counted in days, not '" + term + "'");
            }
            LocalDate lastDay = workingDays.workingDaysAfter(created.toLocalDate(), period.getDays());
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (counting != null && !counting.isBlank() && !CALENDAR_DAYS.equals(counting)) {
            throw new IllegalStateException("TaskDeadlines: unknown counting '" + counting + "'");
        }
        if (term.contains("T")) {
            return created.plus(duration()).toInstant();
        }
        return created.plus(period()).toInstant();
    }

    private Period period() {
        try {
            return Period.parse(term);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("TaskDeadlines: term '" + term + "' is not an ISO-8601 period such as P5D", e);
        }
    }

    private Duration duration() {
        try {
            return Duration.parse(term);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("TaskDeadlines: term '" + term + "' is not an ISO-8601 duration such as PT24H", e);
        }
    }
}
