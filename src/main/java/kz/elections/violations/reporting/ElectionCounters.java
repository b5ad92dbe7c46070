package kz.elections.violations.reporting;

import kz.elections.violations.election.ElectionRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each election's change counter of its cases ({@code case_report_version}, V4), which the statistics
 * compare to recount only what changed: created with the election, in its transaction.
 */
@Component
public class ElectionCounters {

    private final JdbcTemplate jdbc;

    ElectionCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    public void onElectionRegistered(ElectionRegistered registered) {
        jdbc.update("insert into case_report_version (election_id, version) values (?, 0)",
                registered.election().id());
    }
}
