package kz.elections.violations.complaints;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How many complaints each client address and each partner sent lately, against sliding windows ("at most
 * 5 in any minute and 30 in any day"). A refused submission is not counted, so that the wait it is told
 * ({@code Retry-After}) holds. In memory, for this node only, for at most {@code maxTracked} senders; the
 * one idle longest is forgotten first, so that a sender using ever new addresses cannot make it grow.
 */
final class SubmissionRates {

    private final Map<String, long[]> recent;

    SubmissionRates(int maxTracked) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /**
     * Counts a submission of the sender at the moment, or refuses it: empty when admitted, else how many
     * seconds until the fullest window has room again.
     */
    synchronized OptionalLong admit(String sender, List<ComplaintProperties.Limit> limits, Instant now) {
        if (limits.isEmpty()) {
            return OptionalLong.empty();
        }
        int kept = limits.stream().mapToInt(ComplaintProperties.Limit::requests).max().orElseThrow();
        long at = now.toEpochMilli();
        // the sender's latest submissions, newest first, at most as many as the largest limit
        long[] times = recent.getOrDefault(sender, new long[0]);
        long waitMillis = 0;
        for (ComplaintProperties.Limit limit : limits) {
            long windowStart = at - limit.per().toMillis();
            int inWindow = 0;
            while (inWindow < times.length && times[inWindow] > windowStart) {
                inWindow++;
            }
            if (inWindow >= limit.requests()) {
                // the oldest submission that keeps the window full leaves it at this moment
                long leaves = times[limit.requests() - 1] + limit.per().toMillis();
                waitMillis = Math.max(waitMillis, leaves - at);
            }
        }
        if (waitMillis > 0) {
            return OptionalLong.of(Math.max(1, Duration.ofMillis(waitMillis).toSeconds()
                    + (waitMillis % 1000 == 0 ? 0 : 1)));
        }
        long[] updated = new long[Math.min(kept, times.length + 1)];
        updated[0] = at;
        System.arraycopy(times, 0, updated, 1, updated.length - 1);
        recent.put(sender, updated);
        return OptionalLong.empty();
    }
}
