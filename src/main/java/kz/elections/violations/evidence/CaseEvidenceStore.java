package kz.elections.violations.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code case_evidence}: evidence files are inserted and read, never updated or deleted (see
 * the migration V10). The timeline reads a case's files through {@link #ofProcessInstance}.
 */
@Repository
public class CaseEvidenceStore {

    private static final String COLUMNS = "id, case_number, file_name, content_type, size, sha256, added_by, "
            + "added_at, note, corrects_id";

    private final JdbcTemplate jdbc;

    CaseEvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many files a case has and their bytes together; the number the next file gets is count + 1. */
    record Totals(int files, long bytes, int lastNumber) {
    }

    /** A file to be recorded: everything but its id, with the content to stream into the row. */
    record NewFile(String caseNumber, String processInstanceId, int numberInCase, String fileName,
                   String contentType, long size, String sha256, String addedBy, Instant addedAt,
                   String note, Long correctsId) {
    }

    Totals totals(String caseNumber) {
        return jdbc.queryForObject("select count(*), coalesce(sum(size), 0), coalesce(max(number_in_case), 0)"
                        + " from case_evidence where case_number = ?",
                (row, n) -> new Totals(row.getInt(1), row.getLong(2), row.getInt(3)), caseNumber);
    }

    /**
     * Inserts the file with its content; throws {@link org.springframework.dao.DuplicateKeyException} when
     * another file of the case took the same number first.
     */
    void insert(NewFile file, InputStream content) {
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into case_evidence (case_number, "
                    + "process_instance_id, number_in_case, file_name, content_type, size, sha256, content, added_by, "
                    + "added_at, note, corrects_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, file.caseNumber());
            insert.setString(2, file.processInstanceId());
            insert.setInt(3, file.numberInCase());
            insert.setString(4, file.fileName());
            insert.setString(5, file.contentType());
            insert.setLong(6, file.size());
            insert.setString(7, file.sha256());
            insert.setBinaryStream(8, content, file.size());
            insert.setString(9, file.addedBy());
            insert.setTimestamp(10, Timestamp.from(file.addedAt()));
            insert.setString(11, file.note());
            if (file.correctsId() == null) {
                insert.setNull(12, Types.BIGINT);
            } else {
                insert.setLong(12, file.correctsId());
            }
            return insert;
        });
    }

    /** The case's files, oldest first. */
    List<EvidenceFile> ofCase(String caseNumber) {
        return jdbc.query("select " + COLUMNS + " from case_evidence where case_number = ? order by id",
                CaseEvidenceStore::row, caseNumber);
    }

    /** The files of the case run by this process instance, oldest first (the case's timeline). */
    public List<EvidenceFile> ofProcessInstance(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from case_evidence where process_instance_id = ? order by id",
                CaseEvidenceStore::row, processInstanceId);
    }

    /** One file of the case; empty for an id of another case's file. */
    Optional<EvidenceFile> find(String caseNumber, long id) {
        return jdbc.query("select " + COLUMNS + " from case_evidence where case_number = ? and id = ?",
                CaseEvidenceStore::row, caseNumber, id).stream().findFirst();
    }

    /** The file the case numbered so. */
    Optional<EvidenceFile> byNumber(String caseNumber, int numberInCase) {
        return jdbc.query("select " + COLUMNS + " from case_evidence where case_number = ? and number_in_case = ?",
                CaseEvidenceStore::row, caseNumber, numberInCase).stream().findFirst();
    }

    /** The bytes of one file of the case, read whole (at most evidence.max-file-size). */
    Optional<byte[]> content(String caseNumber, long id) {
        return jdbc.query("select content from case_evidence where case_number = ? and id = ?",
                (row, n) -> bytes(row), caseNumber, id).stream().findFirst();
    }

    private static byte[] bytes(ResultSet row) throws SQLException {
        try (InputStream in = row.getBinaryStream(1)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EvidenceFile row(ResultSet row, int rowNumber) throws SQLException {
        long corrects = row.getLong("corrects_id");
        Long correctsId = row.wasNull() ? null : corrects;
        return new EvidenceFile(row.getLong("id"), row.getString("case_number"), row.getString("file_name"),
                row.getString("content_type"), row.getLong("size"), row.getString("sha256"), row.getString("added_by"),
                row.getTimestamp("added_at").toInstant(), row.getString("note"), correctsId);
    }
}
