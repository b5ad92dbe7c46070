package kz.elections.violations.election;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The moments of the election calendar that the law ties to the voting day D, in the election's
 * own time zone (computed with the tz database, so a zone that changed its offset is right for
 * every year).
 */
public record ElectionMilestones(
        OffsetDateTime pollPublicationBanFrom,
        OffsetDateTime registrationFreezeFrom,
        OffsetDateTime campaigningEndsAt,
        OffsetDateTime exitPollsFrom) {

    public static ElectionMilestones of(LocalDate votingDay, ZoneId zone) {
        return new ElectionMilestones(
                startOfDay(votingDay.minusDays(5), zone),
                startOfDay(votingDay.minusDays(2), zone),
                startOfDay(votingDay.minusDays(1), zone),
                startOfDay(votingDay.plusDays(1), zone));
    }

    private static OffsetDateTime startOfDay(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
