package kz.elections.violations.deadlineview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import kz.elections.violations.election.Election;
import kz.elections.violations.election.ElectionRepository;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts the open tasks of the cases by election, district commission, task and due state: one grouped
 * query per election over the engine's task table joined with the reporting table (one row per case,
 * {@code case_report}), so the cost is one pass over the open tasks in the database and nothing is loaded
 * task by task; and the open triage tasks of the election's complaints by due state, joined with the
 * complaint table by the triage's process instance. The engine's task query cannot group; it serves the bounded list of the most urgent tasks
 * ({@link DeadlinesService}). Read only; the engine's table prefix as configured.
 */
@Repository
public class OpenTaskCounts {

    /**
     * Open tasks of one task definition in one district commission (null: a case of no commission, or a
     * complaint's triage).
     *
     * @param complaint the triage tasks of complaints, which belong to no case and no commission
     */
    public record Row(String districtCommission, String taskDefinitionKey, DueCounts counts, boolean complaint) {
    }

    /** One election's rows at the moment the counts were taken, with the boundaries used. */
    public record ElectionRows(Election election, Instant at, List<Row> rows) {
    }

    /** The four due states' sums of a grouped query's columns 3 to 6. */
    private static final String DUE_STATES = " sum(case when t.DUE_DATE_ < ? then 1 else 0 end),"
            + " sum(case when t.DUE_DATE_ >= ? and t.DUE_DATE_ < ? then 1 else 0 end),"
            + " sum(case when t.DUE_DATE_ >= ? and t.DUE_DATE_ < ? then 1 else 0 end),"
            + " sum(case when t.DUE_DATE_ is null or t.DUE_DATE_ >= ? then 1 else 0 end)";

    private final JdbcTemplate jdbc;
    private final ElectionRepository elections;
    private final String taskTable;

    public OpenTaskCounts(JdbcTemplate jdbc, ElectionRepository elections,
                          @Value("${camunda.bpm.database.table-prefix:}") String tablePrefix) {
        this.jdbc = jdbc;
        this.elections = elections;
        this.taskTable = tablePrefix + "ACT_RU_TASK";
    }

    /** Every election's counts, now by the engine's clock. */
    public List<ElectionRows> everyElection() {
        return everyElection(null);
    }

    /** Every election's counts of the cases of these regions (null: of every case), now by the engine's clock. */
    public List<ElectionRows> everyElection(List<String> regionCodes) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<ElectionRows> result = new ArrayList<>();
        for (Election election : elections.findAll()) {
            result.add(new ElectionRows(election, now, of(election, now, regionCodes)));
        }
        return result;
    }

    List<Row> of(Election election, Instant now, List<String> regionCodes) {
        DueBoundaries b = DueBoundaries.at(now, election.zone());
        Timestamp at = Timestamp.from(b.now());
        Timestamp endOfToday = Timestamp.from(b.endOfToday());
        Timestamp endOfWeek = Timestamp.from(b.endOfWeek());
        List<Row> rows = new ArrayList<>(jdbc.query("select r.district_commission, t.TASK_DEF_KEY_," + DUE_STATES
                        + " from " + taskTable + " t join case_report r on r.process_instance_id = t.PROC_INST_ID_"
                        + " where r.election_id = ?" + regionCondition("r", regionCodes)
                        + " group by r.district_commission, t.TASK_DEF_KEY_",
                (row, n) -> new Row(row.getString(1), row.getString(2), counts(row), false),
                arguments(regionCodes, at, at, endOfToday, endOfToday, endOfWeek, endOfWeek, election.id())));
        rows.addAll(jdbc.query("select null, t.TASK_DEF_KEY_," + DUE_STATES
                        + " from " + taskTable + " t join complaint c on c.process_instance_id = t.PROC_INST_ID_"
                        + " where c.election_id = ?" + regionCondition("c", regionCodes)
                        + " group by t.TASK_DEF_KEY_",
                (row, n) -> new Row(null, row.getString(2), counts(row), true),
                arguments(regionCodes, at, at, endOfToday, endOfToday, endOfWeek, endOfWeek, election.id())));
        return rows;
    }

    private static DueCounts counts(ResultSet row) throws SQLException {
        Map<DueState, Long> counts = new EnumMap<>(DueState.class);
        counts.put(DueState.OVERDUE, row.getLong(3));
        counts.put(DueState.DUE_TODAY, row.getLong(4));
        counts.put(DueState.DUE_THIS_WEEK, row.getLong(5));
        counts.put(DueState.LATER, row.getLong(6));
        return new DueCounts(counts);
    }

    private static String regionCondition(String table, List<String> regionCodes) {
        if (regionCodes == null) {
            return "";
        }
        return regionCodes.isEmpty() ? " and 1 = 0" : " and " + table + ".region_code in ("
                + String.join(", ", Collections.nCopies(regionCodes.size(), "?")) + ")";
    }

    private static Object[] arguments(List<String> regionCodes, Object... arguments) {
        List<Object> all = new ArrayList<>(List.of(arguments));
        if (regionCodes != null) {
            all.addAll(regionCodes);
        }
        return all.toArray();
    }
}
