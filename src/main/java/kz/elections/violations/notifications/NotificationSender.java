package kz.elections.violations.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due messages, outside any engine transaction: each node takes a batch with one
 * update that gives each row to one of them, sends it through Spring Boot's mail sender ({@code spring.mail.*})
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

    /**
     * What the schedule runs: batch after batch until fewer than a batch were due, so that a burst (a task
     * for a large group, many escalations at once) drains in one round; at most 50 batches, so that the
     * node's scheduler gets on with its other work between rounds. The number handled.
     */
    public int sendAllDue() {
        int handled = 0;
        for (int batch = 0; batch < 50; batch++) {
            int ofBatch = sendDue();
            handled += ofBatch;
            if (ofBatch < properties.batchSize()) {
                break;
            }
        }
        return handled;
    }

    /**
     * Sends (or puts into the mailbox) the messages due now, at most a batch, over one connection to the mail
     * server; the number handled.
     */
    public int sendDue() {
        Instant now = now();
        List<NotificationOutbox.Row> claimed;
        try {
            claimed = outbox.claimDue(now, now.plus(properties.claimTime()), UUID.randomUUID().toString(),
                    properties.batchSize());
        } catch (DataAccessException concurrentClaim) {
            // another sender's statement held the same rows (H2 refuses rather than waits): the next round
            LOG.debug("Outbox rows taken by another sender: {}", concurrentClaim.getMessage());
            return 0;
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            outbox.toMailbox(claimed.stream().map(NotificationOutbox.Row::id).toList(), now());
            return claimed.size();
        }
        Map<SimpleMailMessage, NotificationOutbox.Row> mails = new IdentityHashMap<>();
        for (NotificationOutbox.Row row : claimed) {
            mails.put(mail(row), row);
        }
        Map<Object, Exception> failures = Map.of();
        try {
            sender.send(mails.keySet().toArray(SimpleMailMessage[]::new));
        } catch (MailSendException some) {
            failures = some.getFailedMessages();
            if (failures.isEmpty()) {
                failures = everyOne(mails, some);
            }
        } catch (MailException all) {
            failures = everyOne(mails, all);
        }
        List<Long> sent = new ArrayList<>();
        for (Map.Entry<SimpleMailMessage, NotificationOutbox.Row> mail : mails.entrySet()) {
            Exception failure = failures.get(mail.getKey());
            if (failure == null) {
                sent.add(mail.getValue().id());
            } else {
                failed(mail.getValue(), failure);
            }
        }
        outbox.sent(sent, now());
        return claimed.size();
    }

    private static Map<Object, Exception> everyOne(Map<SimpleMailMessage, NotificationOutbox.Row> mails, Exception e) {
        Map<Object, Exception> failures = new IdentityHashMap<>();
        mails.keySet().forEach(mail -> failures.put(mail, e));
        return failures;
    }

    private void failed(NotificationOutbox.Row row, Exception e) {
        int attempts = row.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        Instant failedAt = now();
        outbox.failed(row.id(), attempts, giveUp, failedAt.plus(properties.retryAfter(attempts)), e.getMessage());
        if (giveUp) {
            LOG.warn("Notification {} to {} given up after {} attempts: {}", row.id(), row.recipient(), attempts,
                    e.getMessage());
        } else {
            LOG.info("Notification {} to {} not sent (attempt {}), tried again later: {}", row.id(), row.recipient(),
                    attempts, e.getMessage());
        }
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
