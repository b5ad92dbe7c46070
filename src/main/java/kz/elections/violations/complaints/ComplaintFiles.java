package kz.elections.violations.complaints;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import kz.elections.violations.api.FieldProblem;
import kz.elections.violations.api.InvalidRequestException;
import kz.elections.violations.files.FileType;
import kz.elections.violations.files.FileTypes;
import kz.elections.violations.files.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/**
 * The files a complaint came with (table {@code complaint_file}, Flyway V11): checked before the complaint
 * is received (how many, how large each and all together, of an accepted type told by the content, never by
 * the name or the type the sender claims), stored with their SHA-256 in the database, so that every node of
 * a cluster serves them, and never changed. The cases' evidence takes them over from here
 * ({@link #ofComplaint}, {@link #content}).
 */
@Repository
public class ComplaintFiles {

    private static final int NAME_LIMIT = 255;

    private final JdbcTemplate jdbc;

    ComplaintFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A file as the request brought it: the name its sender gave and its bytes. */
    record Upload(String name, byte[] content) {
    }

    /** A file checked and ready to store: the name it is kept under, its type and its hash. */
    record Accepted(int index, String fileName, FileType type, byte[] content, String sha256) {
    }

    /** A stored file, without its bytes. */
    public record StoredFile(long id, int index, String fileName, String contentType, long size, String sha256,
                             Instant receivedAt) {
    }

    /** A complaint's files too large, one of them or all together: answered with 413, naming the limit. */
    static class TooLarge extends RuntimeException {
        private final List<FieldProblem> problems;

        TooLarge(List<FieldProblem> problems) {
            super(InvalidRequestException.describe(problems));
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** The uploads checked against the limits; refused with 413 (sizes) or 400 (count, empty, type). */
    static List<Accepted> check(List<Upload> uploads, ComplaintProperties.Files limits) {
        if (uploads.size() > limits.maxCount()) {
            throw new InvalidRequestException(List.of(FieldProblem.of("files", "files.tooMany", "at most "
                    + limits.maxCount() + " files per complaint (complaints.files.max-count); this one has "
                    + uploads.size(), limits.maxCount(), uploads.size())));
        }
        List<FieldProblem> tooLarge = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < uploads.size(); i++) {
            long size = uploads.get(i).content().length;
            total += size;
            if (size > limits.maxFileSize().toBytes()) {
                tooLarge.add(FieldProblem.of("files[" + i + "]", "files.fileTooLarge", "at most "
                        + shown(limits.maxFileSize()) + " per file (complaints.files.max-file-size); this one has "
                        + size + " bytes", shown(limits.maxFileSize()), size));
            }
        }
        if (total > limits.maxTotalSize().toBytes()) {
            tooLarge.add(FieldProblem.of("files", "files.totalTooLarge", "at most " + shown(limits.maxTotalSize())
                    + " of files per complaint (complaints.files.max-total-size); these have " + total + " bytes",
                    shown(limits.maxTotalSize()), total));
        }
        if (!tooLarge.isEmpty()) {
            throw new TooLarge(tooLarge);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        String types = FileTypes.ACCEPTED.stream().map(type -> type.extension().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            if (upload.content().length == 0) {
                problems.add(FieldProblem.of("files[" + i + "]", "file.empty", "is empty"));
                continue;
            }
            Optional<FileType> type = FileTypes.detect(upload.content());
            if (type.isEmpty()) {
                problems.add(FieldProblem.of("files[" + i + "]", "file.type", "is not a photo, video or PDF of an "
                        + "accepted type (" + types + "); a file's type is told by its content, not by its name",
                        types));
                continue;
            }
            accepted.add(new Accepted(i, storedName(upload.name(), type.get(), i), type.get(), upload.content(),
                    Sha256.of(upload.content())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return accepted;
    }

    void insert(long complaintId, Accepted file, Instant receivedAt) {
        jdbc.update("insert into complaint_file (complaint_id, file_index, file_name, content_type, size_bytes, sha256, "
                        + "content, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", complaintId, file.index(),
                file.fileName(), file.type().mediaType(), (long) file.content().length, file.sha256(), file.content(),
                Timestamp.from(receivedAt));
    }

    List<StoredFile> of(long complaintId) {
        return jdbc.query("select id, file_index, file_name, content_type, size_bytes, sha256, received_at "
                + "from complaint_file where complaint_id = ? order by file_index", (row, n) -> stored(row), complaintId);
    }

    /** The files of a complaint, in the order they were sent; empty for an unknown complaint. */
    public List<StoredFile> ofComplaint(String trackingNumber) {
        return jdbc.query("select f.id, f.file_index, f.file_name, f.content_type, f.size_bytes, f.sha256, f.received_at "
                + "from complaint_file f join complaint c on c.id = f.complaint_id where c.tracking_number = ? "
                + "order by f.file_index", (row, n) -> stored(row), trackingNumber);
    }

    /** The bytes of a file of the complaint, as received. */
    public Optional<byte[]> content(String trackingNumber, long fileId) {
        return jdbc.query("select f.content from complaint_file f join complaint c on c.id = f.complaint_id "
                + "where c.tracking_number = ? and f.id = ?", (row, n) -> row.getBytes(1), trackingNumber, fileId)
                .stream().findFirst();
    }

    /**
     * The name a file is kept and downloaded under: the sender's name without its folders, control
     * characters and extension, with the extension of the type its content has ("photo.html" that is a JPEG
     * becomes "photo.jpg"); "file-1.jpg" when nothing is left.
     */
    static String storedName(String sent, FileType type, int index) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name.startsWith(".") ? "" : name;
        String extension = "." + type.extension();
        int room = NAME_LIMIT - extension.length();
        if (stem.getBytes(StandardCharsets.UTF_8).length > room) {
            stem = stem.substring(0, Math.min(stem.length(), room / 4));
        }
        return (stem.isBlank() ? "file-" + (index + 1) : stem) + extension;
    }

    private static String shown(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes % 1024 == 0 ? bytes / 1024 + " KB"
                : bytes + " bytes";
    }

    private static StoredFile stored(ResultSet row) throws SQLException {
        return new StoredFile(row.getLong("id"), row.getInt("file_index"), row.getString("file_name"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"),
                row.getTimestamp("received_at").toInstant());
    }
}
