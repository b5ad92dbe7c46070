package kz.elections.violations.notifications;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * E-mails to an address that belongs to no user of the application, such as a complainant's: a row of the
 * outbox, written in the caller's transaction (a rolled-back change writes none) and sent by
 * {@link NotificationSender} as every other, or kept in the admins' mailbox without a mail server.
 */
@Component
public class AddressedMessages {

    private final NotificationOutbox outbox;

    AddressedMessages(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Writes the message unless the event already gave this recipient one.
     *
     * @param eventKey   what happened, once per recipient ({@code complaint-answered:<tracking number>})
     * @param recipient  whom the row is for, as the mailbox shows it ({@code complaint:<tracking number>})
     * @param language   kk or ru
     * @param caseNumber the case the message is about, or null
     * @return false when the event had given the recipient a message already
     */
    public boolean write(String eventKey, String recipient, String email, String language, String subject,
                         String body, String caseNumber) {
        return outbox.add(eventKey, recipient, email, language, subject, body, caseNumber,
                ClockUtil.getCurrentTime().toInstant());
    }
}
