package kz.elections.violations.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import kz.elections.violations.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The outbox's table and statements on a real PostgreSQL (the cluster's database), as on H2. */
class NotificationOutboxPostgresTest extends PostgresTestSupport {

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
        assertThat(outbox.claimDue(now, now.plus(Duration.ofMinutes(5)), "first", 10))
                .extracting(NotificationOutbox.Row::id).containsExactly(id);
        assertThat(outbox.claimDue(now, now.plus(Duration.ofMinutes(5)), "second", 10)).isEmpty();
        assertThat(outbox.due(now, 10)).isEmpty();
        // the claim time over (the first sender died): another sender takes it
        assertThat(outbox.claimDue(now.plus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(10)), "third", 10))
                .extracting(NotificationOutbox.Row::id).containsExactly(id);

        outbox.failed(id, 1, false, now.plus(Duration.ofMinutes(1)), "connection refused");
        NotificationOutbox.Row waiting = outbox.find(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.due(now.plus(Duration.ofMinutes(1)), 10)).containsExactly(id);

        outbox.sent(List.of(id), now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(outbox.find(id).sentAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(outbox.forCase("2023-000001")).hasSize(1);

        outbox.add("case-closed:2", "prosecutor", "prosecutor@example.org", "kk", "Іс", "Мәтін", "2023-000002", now);
        long second = outbox.due(now, 10).get(0);
        assertThat(outbox.claimDue(now, now.plus(Duration.ofMinutes(5)), "fourth", 10)).hasSize(1);
        outbox.toMailbox(List.of(second), now);
        assertThat(outbox.inStatus("MAILBOX", 10)).extracting(NotificationOutbox.Row::subject).containsExactly("Іс");
    }

    @Test
    void twoNodesTakingBatchesAtTheSameTimeTakeEachMessageOnce() throws Exception {
        NotificationOutbox outbox = new NotificationOutbox(jdbc);
        Instant now = Instant.parse("2023-03-02T04:00:00Z");
        for (int i = 0; i < 600; i++) {
            outbox.add("task-created:storm-" + i, "member" + i, "member" + i + "@example.org", "ru", "s", "b",
                    "2023-000100", now);
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                String name = "node-" + node;
                runs.add(nodes.submit(() -> {
                    List<Long> taken = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        together.await();
                        outbox.claimDue(now, now.plus(Duration.ofMinutes(5)), name + "-" + round, 100).stream()
                                .map(NotificationOutbox.Row::id).forEach(taken::add);
                    }
                    return taken;
                }));
            }
            List<Long> first = runs.get(0).get();
            List<Long> second = runs.get(1).get();
            assertThat(first).doesNotHaveDuplicates().doesNotContainAnyElementsOf(second);
            assertThat(second).doesNotHaveDuplicates();
            assertThat(first.size() + second.size()).isEqualTo(600);
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
        } finally {
            nodes.shutdownNow();
        }
    }
}
