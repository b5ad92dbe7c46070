package kz.elections.violations.election;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.api.TextLimits;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Body of POST and PUT /api/elections; fields are text so that every bad one is named. A voting day lies
 * between 1991 and {@value #YEARS_AHEAD} years ahead: a past election may be recorded (its history, such
 * as the 2023 briefing), but a date centuries away is a typing error whose freeze timer would wait for
 * ever. Whether a change may move the voting day into the past is {@link ElectionService#change}'s rule.
 */
public record ElectionRequest(String name, String level, String votingDay, String timeZone) {

    static final int YEARS_AHEAD = 10;
    static final LocalDate EARLIEST = LocalDate.of(1991, 1, 1);

    public Election toElection(String id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (TextLimits.problem(name.strip(), TextLimits.ELECTION_NAME, false) != null) {
            problems.add(new FieldProblem("name", TextLimits.problem(name.strip(), TextLimits.ELECTION_NAME, false)));
        }
        ElectionLevel parsedLevel = null;
        if (level == null || level.isBlank()) {
            problems.add(new FieldProblem("level", "is required"));
        } else {
            try {
                parsedLevel = ElectionLevel.valueOf(level);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("level", "must be one of " + List.of(ElectionLevel.values())));
            }
        }
        LocalDate day = null;
        if (votingDay == null || votingDay.isBlank()) {
            problems.add(new FieldProblem("votingDay", "is required"));
        } else {
            try {
                day = LocalDate.parse(votingDay);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("votingDay", "must be an ISO date such as 2023-03-19"));
            }
        }
        boolean zoneValid = false;
        if (timeZone == null || timeZone.isBlank()) {
            problems.add(new FieldProblem("timeZone", "is required"));
        } else if (!isRegionZone(timeZone)) {
            problems.add(new FieldProblem("timeZone",
                    "must be a time zone of the tz database such as Asia/Almaty, not a fixed offset"));
        } else {
            zoneValid = true;
        }
        if (day != null) {
            LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
                    zoneValid ? ZoneId.of(timeZone) : ZoneOffset.UTC);
            LocalDate latest = today.plusYears(YEARS_AHEAD);
            if (day.isAfter(latest)) {
                problems.add(new FieldProblem("votingDay", "must be at most " + YEARS_AHEAD
                        + " years ahead (" + latest + " at the latest)"));
            } else if (day.isBefore(EARLIEST)) {
                problems.add(new FieldProblem("votingDay", "must not be before " + EARLIEST
                        + " (the records begin with Kazakhstan's elections of 1991)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Election(id, name.trim(), parsedLevel, day, timeZone);
    }

    private static boolean isRegionZone(String zone) {
        try {
            return !(ZoneId.of(zone) instanceof ZoneOffset) && zone.contains("/");
        } catch (DateTimeException e) {
            return false;
        }
    }
}
