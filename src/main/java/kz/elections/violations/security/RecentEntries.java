package kz.elections.violations.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most a fixed number of entries that, when full, forgets the entry used longest ago, so
 * that a client sending from ever new addresses or for ever new names cannot make it grow. Not safe for
 * concurrent use: {@link LoginThrottle} calls it under its own lock.
 */
final class RecentEntries<K, V> {

    private final Map<K, V> entries;

    RecentEntries(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        entries.put(key, value);
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
