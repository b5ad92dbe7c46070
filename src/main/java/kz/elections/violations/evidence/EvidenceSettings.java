package kz.elections.violations.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code evidence.*} in application.yaml: the largest file, and how many files and bytes one case keeps.
 * The request body limit and the servlet's multipart parser let an evidence upload through up to
 * {@link #maxRequestBytes()} ({@link EvidenceUploads}).
 */
@ConfigurationProperties("evidence")
public class EvidenceSettings {

    /** What a multipart request may carry beside the file: the note, the correction, the parts' headers. */
    static final long REQUEST_OVERHEAD = 64 * 1024;

    private DataSize maxFileSize = DataSize.ofMegabytes(20);
    private int maxFilesPerCase = 100;
    private DataSize maxBytesPerCase = DataSize.ofMegabytes(500);

    /** {@code evidence.max-file-size}: the largest file (20MB). */
    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(DataSize size) {
        if (size == null || size.toBytes() < 1) {
            throw new IllegalArgumentException("evidence.max-file-size must be a size such as 20MB");
        }
        this.maxFileSize = size;
    }

    /** {@code evidence.max-files-per-case}: how many files one case keeps at most (100). */
    public int getMaxFilesPerCase() {
        return maxFilesPerCase;
    }

    public void setMaxFilesPerCase(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("evidence.max-files-per-case must be 1 or more");
        }
        this.maxFilesPerCase = count;
    }

    /** {@code evidence.max-bytes-per-case}: the files of one case together (500MB). */
    public DataSize getMaxBytesPerCase() {
        return maxBytesPerCase;
    }

    public void setMaxBytesPerCase(DataSize size) {
        if (size == null || size.toBytes() < 1) {
            throw new IllegalArgumentException("evidence.max-bytes-per-case must be a size such as 500MB");
        }
        this.maxBytesPerCase = size;
    }

    /** The largest request body of an evidence upload: the largest file and what goes with it. */
    public long maxRequestBytes() {
        return maxFileSize.toBytes() + REQUEST_OVERHEAD;
    }
}
