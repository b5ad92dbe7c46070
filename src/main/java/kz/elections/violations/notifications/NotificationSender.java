package kz.elections.violations.notifications;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due messages, outside any engine transaction: each node takes a message with one
 * update that only one of them can win, sends it through Spring Boot's mail sender ({@code spring.mail.*})
 * and marks it SENT; a failure is tried again later, waiting longer each time, and given up (FAILED) after
 * the configured attempts. Without a mail server ({@code spring.mail.host} unset) the messages go to the
 * admins' mailbox (MAILBOX) instead. Work on the cases never waits for mail.
 */
@Component
public class NotificationSender {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationOutbox outbox;
    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;

    NotificationSender(NotificationOutbox outbox, NotificationProperties properties,
                       ObjectProvider<JavaMailSender> mailSender) {
        this.outbox = outbox;
        this.properties = properties;
        this.mailSender = mailSender;
    }

    /** Sends (or puts into the mailbox) the messages due now, at most a batch; the number handled. */
    public int sendDue() {
        Instant now = now();
        List<Long> due = outbox.due(now, properties.batchSize());
        JavaMailSender sender = mailSender.getIfAvailable();
        int handled = 0;
        for (long id : due) {
            if (!outbox.claim(id, now, now.plus(properties.claimTime()))) {
                continue;
            }
            NotificationOutbox.Row row = outbox.find(id);
            handled++;
            if (sender == null) {
                outbox.toMailbox(id, now());
                continue;
            }
            try {
                sender.send(mail(row));
                outbox.sent(id, now());
            } catch (MailException e) {
                int attempts = row.attempts() + 1;
                boolean giveUp = attempts >= properties.maxAttempts();
                Instant failedAt = now();
                outbox.failed(id, attempts, giveUp, failedAt.plus(properties.retryAfter(attempts)), e.getMessage());
                if (giveUp) {
                    LOG.warn("Notification {} to {} given up after {} attempts: {}", id, row.recipient(), attempts,
                            e.getMessage());
                } else {
                    LOG.info("Notification {} to {} not sent (attempt {}), tried again later: {}", id, row.recipient(),
                            attempts, e.getMessage());
                }
            }
        }
        return handled;
    }

    private SimpleMailMessage mail(NotificationOutbox.Row row) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(row.email());
        mail.setSubject(row.subject());
        mail.setText(row.body());
        return mail;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
