package kz.elections.violations.election;

/** Published inside the transaction that registered a new election. */
public record ElectionRegistered(Election election) {
}
