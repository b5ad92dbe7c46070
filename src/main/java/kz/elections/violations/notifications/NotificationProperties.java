package kz.elections.violations.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail notifications' settings ({@code notifications} in application.yaml).
 *
 * @param baseUrl      the application's address as users reach it: the links of a message start with it
 * @param from         the sender's address of the messages
 * @param schedule     whether the sender runs on its own every {@code sendInterval} (off in the tests, which
 *                     call it)
 * @param sendInterval the pause between two runs of the sender
 * @param batchSize    at most this many messages per run
 * @param maxAttempts  a message that failed this many times is given up (FAILED)
 * @param firstRetry   the wait after the first failed attempt; it doubles with every further failure
 * @param longestRetry no wait between attempts is longer
 * @param claimTime    a message a node took to send is not taken by another node for this long, so that
 *                     a node that dies while sending leaves it to the others afterwards
 */
@ConfigurationProperties("notifications")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("notifications@localhost") String from,
        @DefaultValue("true") boolean schedule,
        @DefaultValue("10s") Duration sendInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("5m") Duration claimTime) {

    NotificationProperties {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("notifications.batch-size and max-attempts must be at least 1");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The wait before the next attempt after this many failed ones. */
    Duration retryAfter(int failedAttempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < failedAttempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }
}
