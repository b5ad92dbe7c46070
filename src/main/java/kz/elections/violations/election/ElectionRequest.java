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

/** Body of POST and PUT /api/elections; fields are text so that every bad one is named. */
public record ElectionRequest(String name, String level, String votingDay, String timeZone) {

    public Election toElection(String id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
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
        if (timeZone == null || timeZone.isBlank()) {
            problems.add(new FieldProblem("timeZone", "is required"));
        } else if (!isRegionZone(timeZone)) {
            problems.add(new FieldProblem("timeZone",
                    "must be a time zone of the tz database such as Asia/Almaty, not a fixed offset"));
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
