package kz.elections.violations.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of escalations ({@code task_escalation}), one row per task and kind. The sweep writes it;
 * the timeline and {@link EscalationCounts} read it.
 */
@Repository
public class TaskEscalations {

    /** One escalation of one task. */
    public record Escalation(String taskId, EscalationKind kind, String taskDefinitionKey, String processInstanceId,
                             String caseNumber, String electionId, Instant dueAt, Instant escalatedAt) {
    }

    private static final String COLUMNS = "task_id, kind, task_definition_key, process_instance_id, case_number, "
            + "election_id, due_at, escalated_at";

    private final JdbcTemplate jdbc;

    TaskEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the escalation; throws {@link org.springframework.dao.DuplicateKeyException} when the task
     * escalated for that kind already (on this node or another), so that the caller's transaction rolls back.
     */
    void record(Escalation escalation) {
        jdbc.update("insert into task_escalation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                escalation.taskId(), escalation.kind().name(), escalation.taskDefinitionKey(),
                escalation.processInstanceId(), escalation.caseNumber(), escalation.electionId(),
                escalation.dueAt() == null ? null : Timestamp.from(escalation.dueAt()),
                Timestamp.from(escalation.escalatedAt()));
    }

    /** The tasks of the election's cases that escalated for this kind. */
    Set<String> taskIds(String electionId, EscalationKind kind) {
        return new HashSet<>(jdbc.queryForList("select task_id from task_escalation where election_id = ? and kind = ?",
                String.class, electionId, kind.name()));
    }

    /** The escalations in one case, oldest first. */
    public List<Escalation> ofProcessInstance(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from task_escalation where process_instance_id = ? order by id",
                TaskEscalations::row, processInstanceId);
    }

    /** How many tasks of the election's cases escalated for this kind (null: any kind), open or done since. */
    long count(String electionId, EscalationKind kind) {
        Long count = kind == null
                ? jdbc.queryForObject("select count(*) from task_escalation where election_id = ?", Long.class, electionId)
                : jdbc.queryForObject("select count(*) from task_escalation where election_id = ? and kind = ?",
                        Long.class, electionId, kind.name());
        return count == null ? 0 : count;
    }

    private static Escalation row(ResultSet row, int rowNumber) throws SQLException {
        Timestamp due = row.getTimestamp("due_at");
        return new Escalation(row.getString("task_id"), EscalationKind.valueOf(row.getString("kind")),
                row.getString("task_definition_key"), row.getString("process_instance_id"),
                row.getString("case_number"), row.getString("election_id"), due == null ? null : due.toInstant(),
                row.getTimestamp("escalated_at").toInstant());
    }
}
