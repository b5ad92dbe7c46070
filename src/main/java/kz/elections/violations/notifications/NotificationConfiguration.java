package kz.elections.violations.notifications;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The sender runs every {@code notifications.send-interval} unless {@code notifications.schedule} is false. */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "notifications.schedule", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final NotificationSender sender;

        Schedule(NotificationSender sender) {
            this.sender = sender;
        }

        @Scheduled(fixedDelayString = "${notifications.send-interval:10s}", initialDelayString = "${notifications.send-interval:10s}")
        void sendDue() {
            sender.sendAllDue();
        }
    }
}
