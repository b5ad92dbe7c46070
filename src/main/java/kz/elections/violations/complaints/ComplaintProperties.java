package kz.elections.violations.complaints;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings of {@code complaints} in application.yaml.
 *
 * @param anonymousConsidered whether a complaint without contact details is considered (the law's rule,
 *                            kept as data; see application.yaml)
 * @param files               the limits of a complaint's files
 * @param rateLimits          how many complaints a client address and a partner may send
 */
@ConfigurationProperties("complaints")
public record ComplaintProperties(
        @DefaultValue("false") boolean anonymousConsidered,
        @DefaultValue Files files,
        @DefaultValue RateLimits rateLimits) {

    /**
     * @param maxCount     files per complaint
     * @param maxFileSize  the largest file
     * @param maxTotalSize all the files of a complaint together
     */
    public record Files(@DefaultValue("5") int maxCount, @DefaultValue("10MB") DataSize maxFileSize,
                        @DefaultValue("20MB") DataSize maxTotalSize) {

        public Files {
            if (maxCount < 0 || maxFileSize.toBytes() < 1 || maxTotalSize.toBytes() < maxFileSize.toBytes()) {
                throw new IllegalArgumentException("complaints.files: max-count is 0 or more, max-file-size positive "
                        + "and max-total-size at least max-file-size");
            }
        }

        /** The largest request: every file at its limit, and room for the complaint's JSON and the parts' headers. */
        long maxRequestBytes() {
            return maxTotalSize.toBytes() + DataSize.ofMegabytes(1).toBytes();
        }
    }

    /**
     * @param perClient  the limits per client address for complaints without a partner key
     * @param perPartner the limits per partner key
     * @param maxTracked at most this many clients and partners are counted at once; the longest idle first
     *                   forgotten
     */
    public record RateLimits(List<Limit> perClient, List<Limit> perPartner, @DefaultValue("100000") int maxTracked) {

        public RateLimits {
            perClient = perClient == null ? List.of(new Limit(5, Duration.ofMinutes(1)), new Limit(30, Duration.ofDays(1)))
                    : List.copyOf(perClient);
            perPartner = perPartner == null ? List.of(new Limit(300, Duration.ofMinutes(1))) : List.copyOf(perPartner);
            if (maxTracked < 1) {
                throw new IllegalArgumentException("complaints.rate-limits.max-tracked is at least 1");
            }
        }
    }

    /** At most {@code requests} complaints in any period of length {@code per}. */
    public record Limit(int requests, Duration per) {

        public Limit {
            if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("complaints.rate-limits: requests is at least 1 and per positive");
            }
        }
    }
}
