package kz.elections.violations.complaints;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code complaint_idempotency} (Flyway V12): the first answer to each Idempotency-Key of a sender,
 * written in the transaction that received the complaint, so that a retry finds it once the complaint is
 * there and never before. The unique key (scope, key) refuses a second complaint for a key that two requests
 * sent at the same time, on any number of nodes.
 */
@Repository
class IdempotentSubmissions {

    /** The longest Idempotency-Key ({@code complaint_idempotency.idempotency_key}). */
    static final int KEY_LIMIT = 100;

    private final JdbcTemplate jdbc;

    IdempotentSubmissions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first submission under a key: what it sent (as a hash) and the answer it got. */
    record First(String requestHash, String trackingNumber, String answer) {
    }

    Optional<First> find(String scope, String key) {
        return jdbc.query("select request_hash, tracking_number, answer from complaint_idempotency where scope = ? "
                        + "and idempotency_key = ?", (row, n) -> new First(row.getString(1), row.getString(2),
                row.getString(3)), scope, key).stream().findFirst();
    }

    /** Remembers the answer of the key's first submission; fails on a key another request took first. */
    void remember(String scope, String key, String requestHash, String trackingNumber, String answer, Instant at) {
        jdbc.update("insert into complaint_idempotency (scope, idempotency_key, request_hash, tracking_number, answer, "
                + "created_at) values (?, ?, ?, ?, ?, ?)", scope, key, requestHash, trackingNumber, answer,
                Timestamp.from(at));
    }
}
