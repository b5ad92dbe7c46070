package kz.elections.violations.model;

/** What the court ruled ({@code rulingOutcome} of Task_RecordCourtRuling). */
public enum RulingOutcome {
    FINE, WARNING, DISMISSED;

    /** Whether this value is this outcome's name. */
    public boolean is(Object value) {
        return name().equals(value);
    }
}
