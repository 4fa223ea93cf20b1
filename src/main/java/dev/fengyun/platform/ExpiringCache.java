package dev.fengyun.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small time-based cache for display data that may be a moment old (availability, seat status).
 * Values older than the time to live are recomputed by one caller while the others keep getting the
 * previous value, so a crowd polling one key costs one computation per period.
 */
public final class ExpiringCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, Object> loading = new ConcurrentHashMap<>();

    public ExpiringCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value if fresh, else one computed now (or, while another caller computes, the
     * stale one).
     */
    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt < ttlNanos) {
            return entry.value;
        }
        Object marker = new Object();
        if (entry != null && loading.putIfAbsent(key, marker) != null) {
            return entry.value; // someone else is refreshing: serve the previous value meanwhile
        }
        try {
            V value = loader.apply(key);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, System.nanoTime()));
            return value;
        } finally {
            loading.remove(key, marker);
        }
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    private record Entry<V>(V value, long loadedAt) {}
}
