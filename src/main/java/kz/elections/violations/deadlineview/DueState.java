package kz.elections.violations.deadlineview;

/** Where an open task's due date stands against the engine's clock, in its election's time zone. */
public enum DueState {
    /** The due date has passed. */
    OVERDUE,
    /** Due before the end of today. */
    DUE_TODAY,
    /** Due after today and before the end of this week (Monday to Sunday). */
    DUE_THIS_WEEK,
    /** Due later, or without a due date. */
    LATER
}
