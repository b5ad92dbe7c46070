package kz.elections.violations.election;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

public record Election(String id, String name, ElectionLevel level, LocalDate votingDay, String timeZone) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public ElectionMilestones getMilestones() {
        return ElectionMilestones.of(votingDay, zone());
    }

    /** D-2 00:00 local time: from this moment no registration is cancelled or restored. */
    public Instant registrationFreezeFrom() {
        return getMilestones().registrationFreezeFrom().toInstant();
    }
}
