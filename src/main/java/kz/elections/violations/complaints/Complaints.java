package kz.elections.violations.complaints;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import kz.elections.violations.partners.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code complaint} (Flyway V11): the complaints, their answers and the cases they went to. */
@Repository
public class Complaints {

    private final JdbcTemplate jdbc;

    Complaints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a received complaint; its id. */
    long insert(String trackingNumber, Submitter submitter, ComplaintRules.Checked complaint, boolean considered,
                String language, Instant receivedAt) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("insert into complaint (tracking_number, status, channel, "
                    + "partner_id, election_id, region_code, committed_on, place, description, offender_name, "
                    + "offender_kind, contact_name, contact_email, contact_phone, anonymous, considered, language, "
                    + "received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            int i = 1;
            insert.setString(i++, trackingNumber);
            insert.setString(i++, ComplaintStatus.RECEIVED.name());
            insert.setString(i++, submitter.channel().name());
            insert.setObject(i++, submitter.partner() == null ? null : submitter.partner().id());
            insert.setString(i++, complaint.election().id());
            insert.setString(i++, complaint.region().code());
            insert.setDate(i++, Date.valueOf(complaint.committedOn()));
            insert.setString(i++, complaint.place());
            insert.setString(i++, complaint.description());
            insert.setString(i++, complaint.offenderName());
            insert.setString(i++, complaint.offenderKind() == null ? null : complaint.offenderKind().name());
            insert.setString(i++, complaint.contactName());
            insert.setString(i++, complaint.contactEmail());
            insert.setString(i++, complaint.contactPhone());
            insert.setBoolean(i++, complaint.anonymous());
            insert.setBoolean(i++, considered);
            insert.setString(i++, language);
            insert.setTimestamp(i, Timestamp.from(receivedAt));
            return insert;
        }, id);
        return id.getKey().longValue();
    }

    public Optional<Complaint> find(String trackingNumber) {
        return jdbc.query("select * from complaint where tracking_number = ?", (row, n) -> complaint(row),
                trackingNumber).stream().findFirst();
    }

    /** When the answer to the complaint is due: the law's term from its receipt. */
    public void answerDue(String trackingNumber, Instant answerDueAt) {
        jdbc.update("update complaint set answer_due_at = ? where tracking_number = ?", Timestamp.from(answerDueAt),
                trackingNumber);
    }

    /** The triage of the complaint has started: its process instance and when the answer is due. */
    public void triageStarted(String trackingNumber, String processInstanceId, Instant answerDueAt) {
        jdbc.update("update complaint set process_instance_id = ?, answer_due_at = ? where tracking_number = ?",
                processInstanceId, answerDueAt == null ? null : Timestamp.from(answerDueAt), trackingNumber);
    }

    /**
     * Records the triage's answer, once: false when the complaint is not waiting for one (unknown, or
     * answered before).
     */
    public boolean answer(String trackingNumber, ComplaintStatus status, String reason, String caseNumber,
                          String answeredBy, Instant answeredAt) {
        return jdbc.update("update complaint set status = ?, answer_reason = ?, case_number = ?, answered_by = ?, "
                        + "answered_at = ? where tracking_number = ? and status = ?", status.name(), reason, caseNumber,
                answeredBy, Timestamp.from(answeredAt), trackingNumber, ComplaintStatus.RECEIVED.name()) == 1;
    }

    /** The tracking numbers of the complaints that went to the case (accepted into it or merged), oldest first. */
    public List<String> trackingNumbersOfCase(String caseNumber) {
        return jdbc.queryForList("select tracking_number from complaint where case_number = ? order by received_at, id",
                String.class, caseNumber);
    }

    /** The filters of the staff's list; {@code regions} null for every region. */
    record Filter(Collection<String> regions, ComplaintStatus status, String electionId) {
    }

    List<Complaint> page(Filter filter, int page, int size) {
        List<Object> arguments = new ArrayList<>();
        String where = where(filter, arguments);
        arguments.add((long) page * size);
        arguments.add(size);
        return jdbc.query("select * from complaint" + where + " order by received_at desc, id desc offset ? rows "
                + "fetch next ? rows only", (row, n) -> complaint(row), arguments.toArray());
    }

    long count(Filter filter) {
        List<Object> arguments = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from complaint" + where(filter, arguments), Long.class,
                arguments.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Other complaints of the election about the same offender (by name, ignoring case), the same place or
     * the same day, newest first; {@code regions} null for every region.
     */
    public List<Complaint> similar(String electionId, String exceptTrackingNumber, String offenderName, String place,
                                   LocalDate day, Collection<String> regions, int limit) {
        List<Object> arguments = new ArrayList<>(List.of(electionId, exceptTrackingNumber));
        StringBuilder match = new StringBuilder("committed_on = ?");
        arguments.add(Date.valueOf(day));
        if (offenderName != null) {
            match.append(" or lower(offender_name) = ?");
            arguments.add(offenderName.strip().toLowerCase(Locale.ROOT));
        }
        if (place != null) {
            match.append(" or lower(place) = ?");
            arguments.add(place.strip().toLowerCase(Locale.ROOT));
        }
        String inRegions = "";
        if (regions != null) {
            inRegions = regions.isEmpty() ? " and 1 = 0" : " and region_code in (" + marks(regions.size()) + ")";
            arguments.addAll(regions);
        }
        arguments.add(limit);
        return jdbc.query("select * from complaint where election_id = ? and tracking_number <> ? and (" + match + ")"
                + inRegions + " order by received_at desc, id desc fetch first ? rows only", (row, n) -> complaint(row),
                arguments.toArray());
    }

    private static String where(Filter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.regions() != null) {
            if (filter.regions().isEmpty()) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and region_code in (").append(marks(filter.regions().size())).append(")");
                arguments.addAll(filter.regions());
            }
        }
        if (filter.status() != null) {
            where.append(" and status = ?");
            arguments.add(filter.status().name());
        }
        if (filter.electionId() != null) {
            where.append(" and election_id = ?");
            arguments.add(filter.electionId());
        }
        return where.toString();
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static Complaint complaint(ResultSet row) throws SQLException {
        long partner = row.getLong("partner_id");
        Long partnerId = row.wasNull() ? null : partner;
        return new Complaint(row.getLong("id"), row.getString("tracking_number"),
                ComplaintStatus.valueOf(row.getString("status")), Channel.valueOf(row.getString("channel")),
                partnerId, row.getString("election_id"), row.getString("region_code"),
                row.getDate("committed_on").toLocalDate(), row.getString("place"), row.getString("description"),
                row.getString("offender_name"), row.getString("offender_kind"), row.getString("contact_name"),
                row.getString("contact_email"), row.getString("contact_phone"), row.getBoolean("anonymous"),
                row.getBoolean("considered"), row.getString("language"), instant(row, "received_at"),
                instant(row, "answer_due_at"), row.getString("process_instance_id"), instant(row, "answered_at"),
                row.getString("answered_by"), row.getString("answer_reason"), row.getString("case_number"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
