package kz.elections.violations.notifications;

import org.springframework.stereotype.Component;

/** The outbox's counts for the operators' metrics (docs/operations.md "Metrics"); each one count query. */
@Component
public class NotificationCounts {

    private final NotificationOutbox outbox;

    NotificationCounts(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /** Messages handed to the mail server, or kept in the admins' mailbox where none is configured. */
    public long sent() {
        return outbox.count(NotificationOutbox.SENT, NotificationOutbox.MAILBOX);
    }

    /** Messages given up after their last retry. */
    public long failed() {
        return outbox.count(NotificationOutbox.FAILED);
    }

    /** Messages still to be sent, including those waiting for a retry. */
    public long pending() {
        return outbox.count(NotificationOutbox.PENDING);
    }
}
