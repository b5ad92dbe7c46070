package kz.elections.violations.deadlineview;

import java.util.EnumMap;
import java.util.Map;

/** Open tasks by due state; every state present, zero where none. */
public record DueCounts(Map<DueState, Long> counts) {

    public static DueCounts none() {
        Map<DueState, Long> counts = new EnumMap<>(DueState.class);
        for (DueState state : DueState.values()) {
            counts.put(state, 0L);
        }
        return new DueCounts(counts);
    }

    public long get(DueState state) {
        return counts.getOrDefault(state, 0L);
    }

    public DueCounts plus(DueCounts other) {
        DueCounts sum = none();
        for (DueState state : DueState.values()) {
            sum.counts.put(state, get(state) + other.get(state));
        }
        return sum;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
