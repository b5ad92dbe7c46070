package kz.elections.violations.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The throttle's memory is bounded: when full, the entry used longest ago is forgotten. */
class RecentEntriesTest {

    @Test
    void aFullMapForgetsTheEntryUsedLongestAgo() {
        RecentEntries<String, Integer> entries = new RecentEntries<>(3);
        entries.put("a", 1);
        entries.put("b", 2);
        entries.put("c", 3);
        assertThat(entries.get("a")).isEqualTo(1);
        entries.put("d", 4);
        assertThat(entries.size()).isEqualTo(3);
        assertThat(entries.get("b")).isNull();
        assertThat(entries.get("a")).isEqualTo(1);
        for (int i = 0; i < 1_000; i++) {
            entries.put("spray-" + i, i);
        }
        assertThat(entries.size()).isEqualTo(3);
    }
}
