package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * lru-cache: a least-recently-used cache of {@code n} boxed values over {@code 4n} keys, queried
 * {@code 20n} times with a skewed key distribution (key = 4n·u², so small keys are hot). A miss
 * evicts the least recently used value (dropped) and allocates a new one of random length: values
 * die in recency order, not allocation order. Written the way Rust LRU caches are: the recency list
 * is a doubly-linked list of slab indices in a {@code Vec<i64>}, the values are boxes in a slab.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 9.9 KiB,
 * small 1.2 MiB, default 9.3 MiB, large 74.0 MiB (the values, the links and the index).
 *
 * <pre>{@code
 * struct Lru { values: Vec<Option<Box<Value>>>, links: Vec<i64>, index: Vec<i64> }
 * // links: prev, next and key of each slot; index: key to slot + 1 (0 when absent)
 * }</pre>
 */
public final class LruCache implements Workload {
    private static final int PREV = 0, NEXT = 1, KEY = 2;

    @Override public String name() { return "lru-cache"; }

    @Override public String description() { return "an LRU cache under skewed lookups: misses evict in recency order"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 64);
        s.put("small", 8_192);
        s.put("default", 65_536);
        s.put("large", 524_288);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 10184L, "small", 1219840L, "default", 9738504L, "large", 77630952L);
    }

    @Override
    public long run(Mutator m, int capacity, long seed, Map<String, String> params) {
        int slab = m.shapes().defineSlotArray("Vec<Option<Box<Value>>>", SlotKind.OWNED, 0);
        int longs = m.shapes().defineDataArray("Vec<i64>", 0);
        int value = m.shapes().defineDataArray("Value", 0);
        int keys = 4 * capacity;
        SplittableRandom random = new SplittableRandom(seed);
        long checksum = 0;
        try (Scope main = m.scope()) {
            Lru lru = new Lru(m, m.alloc(slab, capacity), m.alloc(longs, 3 * capacity), m.alloc(longs, keys));
            for (long q = 0, queries = 20L * capacity; q < queries; q++) {
                double u = random.nextDouble();
                int key = (int) (keys * u * u);
                int slot = (int) m.read(lru.index, key) - 1;
                if (slot >= 0) {
                    try (Scope s = m.scope()) {
                        checksum += m.read(m.borrow(lru.values, slot), 0);
                    }
                    lru.unlink(slot);
                } else {
                    slot = lru.used < capacity ? lru.used++ : lru.evict();
                    try (Scope s = m.scope()) {
                        int v = m.alloc(value, 1 + random.nextInt(16));
                        m.write(v, 0, key * 7L + q);
                        m.put(lru.values, slot, v);
                    }
                    m.write(lru.links, 3 * slot + KEY, key);
                    m.write(lru.index, key, slot + 1);
                    checksum += key;
                }
                lru.pushFront(slot);
            }
            m.drop(lru.values);
            m.drop(lru.links);
            m.drop(lru.index);
        }
        return checksum;
    }

    /** The cache's handles and its list ends (slot numbers; -1 for none): one per run. */
    private static final class Lru {
        final Mutator m;
        final int values, links, index;
        int head = -1, tail = -1, used;

        Lru(Mutator m, int values, int links, int index) {
            this.m = m;
            this.values = values;
            this.links = links;
            this.index = index;
        }

        void unlink(int slot) {
            int p = (int) m.read(links, 3 * slot + PREV), n = (int) m.read(links, 3 * slot + NEXT);
            if (p >= 0) m.write(links, 3 * p + NEXT, n); else head = n;
            if (n >= 0) m.write(links, 3 * n + PREV, p); else tail = p;
        }

        void pushFront(int slot) {
            m.write(links, 3 * slot + PREV, -1);
            m.write(links, 3 * slot + NEXT, head);
            if (head >= 0) m.write(links, 3 * head + PREV, slot);
            head = slot;
            if (tail < 0) tail = slot;
        }

        /** Drops the least recently used value and frees its slot. */
        int evict() {
            int slot = tail;
            unlink(slot);
            m.write(index, (int) m.read(links, 3 * slot + KEY), 0);
            try (Scope s = m.scope()) {
                m.drop(m.take(values, slot));
            }
            return slot;
        }
    }
}
