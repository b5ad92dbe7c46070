package kz.elections.violations.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox's table and statements on a real PostgreSQL (the cluster's database), as on H2. */
class NotificationOutboxPostgresTest {

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migratedDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).table("app_schema_history")
                .locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void oneRowPerEventAndRecipientOneClaimPerRowAndTheRetries() {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        Instant now = Instant.parse("2023-03-01T04:00:00Z");
        assertThat(outbox.add("task-created:1", "commission1", "commission1@example.org", "ru", "Дело 2023-000001",
                "Текст", "2023-000001", now)).isTrue();
        assertThat(outbox.add("task-created:1", "commission1", "commission1@example.org", "ru", "again", "again",
                "2023-000001", now)).isFalse();
        assertThatThrownBy(() -> jdbc.update("insert into notification_outbox (event_key, recipient, email, language, "
                + "subject, body, status, next_attempt_at, created_at) values ('task-created:1', 'commission1', 'x', "
                + "'ru', 's', 'b', 'PENDING', now(), now())")).isInstanceOf(DataIntegrityViolationException.class);

        long id = outbox.due(now, 10).get(0);
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(outbox.claim(id, now, now.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(outbox.due(now, 10)).isEmpty();

        outbox.failed(id, 1, false, now.plus(Duration.ofMinutes(1)), "connection refused");
        NotificationOutbox.Row waiting = outbox.find(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.due(now.plus(Duration.ofMinutes(1)), 10)).containsExactly(id);

        outbox.sent(id, now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(outbox.find(id).sentAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.forCase("2023-000001")).hasSize(1);

        outbox.add("case-closed:2", "prosecutor", "prosecutor@example.org", "kk", "Іс", "Мәтін", "2023-000002", now);
        long second = outbox.due(now, 10).get(0);
        assertThat(outbox.claim(second, now, now.plus(Duration.ofMinutes(5)))).isTrue();
        outbox.toMailbox(second, now);
        assertThat(outbox.inStatus("MAILBOX", 10)).extracting(NotificationOutbox.Row::subject).containsExactly("Іс");
    }
}
