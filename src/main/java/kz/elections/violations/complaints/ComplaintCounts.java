package kz.elections.violations.complaints;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import kz.elections.violations.partners.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code complaint} counted for the statistics: grouped counts and the answered complaints' times
 * from receipt to answer, never a complaint's details. Both statements read the same {@link Filter}.
 */
@Repository
public class ComplaintCounts {

    private final JdbcTemplate jdbc;

    ComplaintCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which complaints count: of one election (null: every election), committed from {@code from} to {@code to}
     * (the day of the act, both inclusive, either open), in the regions of these codes (null: every region;
     * empty: none).
     */
    public record Filter(String electionId, LocalDate from, LocalDate to, Set<String> regionCodes) {

        public Filter {
            regionCodes = regionCodes == null ? null : Set.copyOf(regionCodes);
        }
    }

    /**
     * The complaints of one status, channel, region and anonymity: how many; of the answered ones how many
     * within their answer term and after it; of the open ones how many are past it at {@code now}.
     */
    public record Group(ComplaintStatus status, Channel channel, String regionCode, boolean anonymous, long count,
                        long answeredOnTime, long answeredLate, long openPastTerm) {
    }

    /** The complaints grouped by status, channel, region and anonymity; the open ones' term read against now. */
    public List<Group> groups(Filter filter, Instant now) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(Timestamp.from(now));
        String where = where(filter, arguments);
        return jdbc.query("select status, channel, region_code, anonymous, count(*) as complaints, "
                        + "sum(case when answered_at is not null and answer_due_at is not null "
                        + "and answered_at <= answer_due_at then 1 else 0 end) as on_time, "
                        + "sum(case when answered_at is not null and answer_due_at is not null "
                        + "and answered_at > answer_due_at then 1 else 0 end) as late, "
                        + "sum(case when answered_at is null and answer_due_at < ? then 1 else 0 end) as past_term "
                        + "from complaint" + where + " group by status, channel, region_code, anonymous",
                (row, n) -> new Group(ComplaintStatus.valueOf(row.getString("status")),
                        Channel.valueOf(row.getString("channel")), row.getString("region_code"),
                        row.getBoolean("anonymous"), row.getLong("complaints"), row.getLong("on_time"),
                        row.getLong("late"), row.getLong("past_term")),
                arguments.toArray());
    }

    /** The answered complaints' times from receipt to answer, shortest first. */
    public List<Duration> answerTimes(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        List<Duration> times = new ArrayList<>(jdbc.query("select received_at, answered_at from complaint" + where
                        + " and answered_at is not null",
                (row, n) -> Duration.between(row.getTimestamp("received_at").toInstant(),
                        row.getTimestamp("answered_at").toInstant()),
                arguments.toArray()));
        Collections.sort(times);
        return times;
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.electionId() != null) {
            where.append(" and election_id = ?");
            arguments.add(filter.electionId());
        }
        if (filter.from() != null) {
            where.append(" and committed_on >= ?");
            arguments.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" and committed_on <= ?");
            arguments.add(Date.valueOf(filter.to()));
        }
        if (filter.regionCodes() != null) {
            if (filter.regionCodes().isEmpty()) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and region_code in (")
                        .append(String.join(", ", Collections.nCopies(filter.regionCodes().size(), "?"))).append(")");
                arguments.addAll(filter.regionCodes().stream().sorted().toList());
            }
        }
        return where.toString();
    }
}
