package kz.elections.violations.election;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ElectionRepository {

    private final JdbcTemplate jdbc;

    public ElectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Election> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("select * from election where id = ?", ElectionRepository::map, id).stream().findFirst();
    }

    public List<Election> findAll() {
        return jdbc.query("select * from election order by voting_day desc, name", ElectionRepository::map);
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from election", Long.class);
        return count == null ? 0 : count;
    }

    public void insert(Election election) {
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        jdbc.update("insert into election (id, name, election_level, voting_day, time_zone, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                election.id(), election.name(), election.level().name(), Date.valueOf(election.votingDay()),
                election.timeZone(), now, now);
    }

    public void update(Election election) {
        jdbc.update("update election set name = ?, election_level = ?, voting_day = ?, time_zone = ?, updated_at = ? "
                        + "where id = ?",
                election.name(), election.level().name(), Date.valueOf(election.votingDay()), election.timeZone(),
                new Timestamp(ClockUtil.getCurrentTime().getTime()), election.id());
    }

    private static Election map(ResultSet row, int rowNumber) throws SQLException {
        return new Election(row.getString("id"), row.getString("name"),
                ElectionLevel.valueOf(row.getString("election_level")),
                row.getDate("voting_day").toLocalDate(), row.getString("time_zone"));
    }
}
