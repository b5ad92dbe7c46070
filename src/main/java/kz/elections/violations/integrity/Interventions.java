package kz.elections.violations.integrity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of administrators' interventions in cases ({@code case_intervention}). The timeline and the
 * auditors read it through {@link #ofProcessInstance} and {@link #list}; only the gate writes it.
 */
@Repository
public class Interventions {

    /** One intervention: the admin's change to one case (or to no particular case, e.g. a whole definition). */
    public record Intervention(long id, Instant at, String userId, String operation, String method, String path,
                               String reason, String processInstanceId, String caseNumber, String targetId) {
    }

    private static final String COLUMNS = "id, at, user_id, operation, method, path, reason, process_instance_id, "
            + "case_number, target_id";

    private final JdbcTemplate jdbc;

    Interventions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String userId, String operation, String method, String path, String reason,
                String processInstanceId, String caseNumber, String targetId) {
        jdbc.update("insert into case_intervention (at, user_id, operation, method, path, reason, "
                        + "process_instance_id, case_number, target_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(ClockUtil.getCurrentTime().toInstant()), userId, operation, method, path, reason,
                processInstanceId, caseNumber, targetId);
    }

    /** An administrator's reason for the coming repairs of one case, until {@code expiresAt}. */
    void notice(String userId, String processInstanceId, String caseNumber, String reason, Instant expiresAt) {
        jdbc.update("insert into intervention_notice (user_id, process_instance_id, case_number, reason, given_at, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?)", userId, processInstanceId, caseNumber, reason,
                Timestamp.from(ClockUtil.getCurrentTime().toInstant()), Timestamp.from(expiresAt));
    }

    /** The newest reason this administrator gave for this case that has not expired, if any. */
    java.util.Optional<String> noticeOf(String userId, String processInstanceId) {
        return jdbc.queryForList("select reason from intervention_notice where user_id = ? and process_instance_id = ?"
                        + " and expires_at > ? order by id desc", String.class, userId, processInstanceId,
                Timestamp.from(ClockUtil.getCurrentTime().toInstant())).stream().findFirst();
    }

    /** The interventions in one case, oldest first. */
    public List<Intervention> ofProcessInstance(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from case_intervention where process_instance_id = ? order by id",
                Interventions::row, processInstanceId);
    }

    /** Interventions, newest first, optionally of one case and within [from, to). */
    public List<Intervention> list(String caseNumber, Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from case_intervention where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (caseNumber != null) {
            sql.append(" and case_number = ?");
            arguments.add(caseNumber);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and at < ?");
            arguments.add(Timestamp.from(to));
        }
        sql.append(" order by id desc limit ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), Interventions::row, arguments.toArray());
    }

    /** The case numbers that had at least one intervention, in order. */
    public List<String> caseNumbers() {
        return jdbc.queryForList("select distinct case_number from case_intervention where case_number is not null"
                + " order by case_number", String.class);
    }

    private static Intervention row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Intervention(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("user_id"),
                row.getString("operation"), row.getString("method"), row.getString("path"), row.getString("reason"),
                row.getString("process_instance_id"), row.getString("case_number"), row.getString("target_id"));
    }
}
