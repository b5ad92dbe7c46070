package kz.elections.violations.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table notification_outbox (Flyway V7): messages to send, sent and given up. */
@Repository
class NotificationOutbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String MAILBOX = "MAILBOX";

    private final JdbcTemplate jdbc;

    NotificationOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, String eventKey, String recipient, String email, String language, String subject,
               String body, String caseNumber, String status, int attempts, Instant nextAttemptAt,
               String lastError, Instant createdAt, Instant sentAt) {
    }

    /**
     * A message for the recipient about the event, unless the event already gave them one; in the caller's
     * transaction (the engine's). The unique key (event_key, recipient) refuses a second row for the same
     * event and user from another transaction.
     */
    boolean add(String eventKey, String recipient, String email, String language, String subject, String body,
                String caseNumber, Instant now) {
        Integer existing = jdbc.queryForObject(
                "select count(*) from notification_outbox where event_key = ? and recipient = ?", Integer.class,
                eventKey, recipient);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("insert into notification_outbox (event_key, recipient, email, language, subject, body, "
                        + "case_number, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                eventKey, recipient, email, language, truncate(subject, 500), truncate(body, 4000), caseNumber,
                PENDING, Timestamp.from(now), Timestamp.from(now));
        return true;
    }

    /** The ids of pending messages due at the moment, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("select id from notification_outbox where status = ? and next_attempt_at <= ? "
                + "order by next_attempt_at, id fetch first " + limit + " rows only", Long.class, PENDING,
                Timestamp.from(now));
    }

    /**
     * Takes up to {@code limit} due pending messages, oldest first, for one sender's run (its random
     * {@code claim}) in one statement, and returns them. However many nodes run at once, a row goes to one of
     * them: a node whose statement meets a row another node has just taken finds it no longer due and leaves
     * it. A taken row is not due again for the claim time, so that it goes back to the others if this node
     * dies before it records the outcome.
     */
    List<Row> claimDue(Instant now, Instant claimedUntil, String claim, int limit) {
        jdbc.update("update notification_outbox set next_attempt_at = ?, claimed_by = ? where status = ? "
                        + "and next_attempt_at <= ? and id in (select id from notification_outbox where status = ? "
                        + "and next_attempt_at <= ? order by next_attempt_at, id fetch first " + limit + " rows only)",
                Timestamp.from(claimedUntil), claim, PENDING, Timestamp.from(now), PENDING, Timestamp.from(now));
        return jdbc.query("select * from notification_outbox where claimed_by = ? and status = ? order by id",
                (row, n) -> row(row), claim, PENDING);
    }

    Row find(long id) {
        return jdbc.query("select * from notification_outbox where id = ?", (row, n) -> row(row), id).stream()
                .findFirst().orElse(null);
    }

    /** The messages the mail server took. */
    void sent(List<Long> ids, Instant now) {
        inBatches(ids, marks -> jdbc.update("update notification_outbox set status = ?, attempts = attempts + 1, "
                + "sent_at = ?, last_error = null where id in (" + marks.sql() + ")", marks.arguments(SENT, Timestamp.from(now))));
    }

    /** The messages kept for the admins' mailbox (no mail server configured). */
    void toMailbox(List<Long> ids, Instant now) {
        inBatches(ids, marks -> jdbc.update("update notification_outbox set status = ?, sent_at = ? where id in ("
                + marks.sql() + ")", marks.arguments(MAILBOX, Timestamp.from(now))));
    }

    /** Question marks for a list of ids, and the statement's arguments: the leading ones, then the ids. */
    private record Marks(List<Long> ids) {
        String sql() {
            return String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        }

        Object[] arguments(Object... leading) {
            Object[] all = java.util.Arrays.copyOf(leading, leading.length + ids.size());
            for (int i = 0; i < ids.size(); i++) {
                all[leading.length + i] = ids.get(i);
            }
            return all;
        }
    }

    private static void inBatches(List<Long> ids, java.util.function.Consumer<Marks> statement) {
        for (int from = 0; from < ids.size(); from += 500) {
            statement.accept(new Marks(ids.subList(from, Math.min(ids.size(), from + 500))));
        }
    }

    /** A failed attempt: tried again at the given moment, or given up (FAILED) after the last attempt. */
    void failed(long id, int attempts, boolean giveUp, Instant nextAttemptAt, String error) {
        jdbc.update("update notification_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? "
                        + "where id = ?", giveUp ? FAILED : PENDING, attempts, Timestamp.from(nextAttemptAt),
                truncate(error, 1000), id);
    }

    /** How many messages are in one of the statuses. */
    long count(String... statuses) {
        String marks = String.join(", ", java.util.Collections.nCopies(statuses.length, "?"));
        Long count = jdbc.queryForObject("select count(*) from notification_outbox where status in (" + marks + ")",
                Long.class, (Object[]) statuses);
        return count == null ? 0 : count;
    }

    List<Row> inStatus(String status, int limit) {
        return jdbc.query("select * from notification_outbox where status = ? order by created_at desc, id desc "
                + "fetch first " + limit + " rows only", (row, n) -> row(row), status);
    }

    List<Row> forCase(String caseNumber) {
        return jdbc.query("select * from notification_outbox where case_number = ? order by id",
                (row, n) -> row(row), caseNumber);
    }

    private static Row row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Row(row.getLong("id"), row.getString("event_key"), row.getString("recipient"),
                row.getString("email"), row.getString("language"), row.getString("subject"), row.getString("body"),
                row.getString("case_number"), row.getString("status"), row.getInt("attempts"),
                instant(row.getTimestamp("next_attempt_at")), row.getString("last_error"),
                instant(row.getTimestamp("created_at")), instant(row.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
