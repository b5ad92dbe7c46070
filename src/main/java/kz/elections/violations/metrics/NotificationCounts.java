package kz.elections.violations.metrics;

/**
 * Counts of the e-mail notifications, provided by the notifications feature as a bean; the metrics
 * {@code elections_notifications{state="sent|failed|pending"}} exist only where such a bean does.
 * Each call should be a count query (it is read once per snapshot).
 */
public interface NotificationCounts {

    /** Messages handed to the mail server (or the admins' mailbox). */
    long sent();

    /** Messages given up after their last retry. */
    long failed();

    /** Messages in the outbox still to be sent (including those waiting for a retry). */
    long pending();
}
