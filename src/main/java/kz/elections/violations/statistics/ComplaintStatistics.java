package kz.elections.violations.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import kz.elections.violations.complaints.ComplaintCounts;
import kz.elections.violations.complaints.ComplaintStatus;
import kz.elections.violations.partners.Channel;
import org.springframework.stereotype.Component;

/**
 * The briefing's complaint figures: the complaint table's groups folded into counts by status, channel and
 * region, and the answered complaints' times from receipt to answer (median and 90th percentile in hours)
 * against their legal term. Counted directly for every request: the table is indexed by election and day.
 */
@Component
class ComplaintStatistics {

    private final ComplaintCounts counts;

    ComplaintStatistics(ComplaintCounts counts) {
        this.counts = counts;
    }

    Statistics.Complaints complaints(ComplaintCounts.Filter filter, Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ComplaintStatus status : ComplaintStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        Map<String, Long> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            byChannel.put(channel.name(), 0L);
        }
        Map<String, Long> byRegion = new TreeMap<>();
        long received = 0;
        long anonymous = 0;
        long onTime = 0;
        long late = 0;
        long pastTerm = 0;
        for (ComplaintCounts.Group group : counts.groups(filter, now)) {
            received += group.count();
            byStatus.merge(group.status().name(), group.count(), Long::sum);
            byChannel.merge(group.channel().name(), group.count(), Long::sum);
            byRegion.merge(group.regionCode(), group.count(), Long::sum);
            if (group.anonymous()) {
                anonymous += group.count();
            }
            onTime += group.answeredOnTime();
            late += group.answeredLate();
            pastTerm += group.openPastTerm();
        }
        List<Duration> times = counts.answerTimes(filter);
        return new Statistics.Complaints(received, byStatus, byChannel, byRegion, anonymous,
                new Statistics.AnswerTimes(times.size(), hours(percentile(times, 0.5)), hours(percentile(times, 0.9)),
                        onTime, late, pastTerm));
    }

    /**
     * The percentile of durations sorted shortest first, linear between the closest ranks (as PostgreSQL's
     * {@code percentile_cont} and a spreadsheet's PERCENTILE.INC): the median of 10 h and 20 h is 15 h. Null
     * for none.
     */
    static Duration percentile(List<Duration> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        long lower = sorted.get(below).toMillis();
        long upper = sorted.get(above).toMillis();
        return Duration.ofMillis(Math.round(lower + (upper - lower) * (rank - below)));
    }

    /** Hours with one decimal. */
    static BigDecimal hours(Duration duration) {
        return duration == null ? null
                : BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(3_600_000), 1, RoundingMode.HALF_UP);
    }
}
