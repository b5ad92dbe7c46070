package kz.elections.violations.election;

/** Published inside the transaction that changed an election's voting day or time zone. */
public record ElectionCalendarChanged(Election before, Election after) {
}
