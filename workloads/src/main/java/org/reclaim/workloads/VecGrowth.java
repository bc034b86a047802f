package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * vec-growth: {@code Vec::push} with capacity doubling (realloc), three rounds. Each round pushes
 * {@code n} boxed items into a {@code Vec<Box<Item>>} and {@code n} numbers into a {@code Vec<i64>},
 * both starting at capacity 4, sums them, and drops both. Every doubling leaves the old block to
 * be freed (realloc) or found (a collector).
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 8.7 KiB,
 * small 1.0 MiB, default 19.4 MiB, large 155.6 MiB (both Vecs, their items, and the old block of the last doubling).
 *
 * <pre>{@code
 * struct Item { value: i64 }
 * }</pre>
 */
public final class VecGrowth implements Workload {
    static final int ROUNDS = 3, INITIAL = 4;

    @Override public String name() { return "vec-growth"; }

    @Override public String description() { return "Vec::push with capacity doubling: every realloc frees the old block"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 200);
        s.put("small", 20_000);
        s.put("default", 500_000);
        s.put("large", 4_000_000);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 8928L, "small", 1048624L, "default", 20388640L, "large", 163108896L);
    }

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        int boxes = m.shapes().defineSlotArray("Vec<Box<Item>>", SlotKind.OWNED, 0);
        int numbers = m.shapes().defineDataArray("Vec<i64>", 0);
        int item = m.shapes().define("Item", 1);
        SplittableRandom random = new SplittableRandom(seed);
        long checksum = 0;
        try (Scope main = m.scope()) {
            for (int round = 0; round < ROUNDS; round++) {
                int items = m.alloc(boxes, INITIAL);
                int values = m.alloc(numbers, INITIAL);
                for (int len = 0; len < n; len++) {
                    if (len == m.length(items)) m.grow(items, 2 * len);
                    if (len == m.length(values)) m.grow(values, 2 * len);
                    long v = random.nextInt(1_000_000);
                    try (Scope s = m.scope()) {
                        int it = m.alloc(item, 0);
                        m.write(it, 0, v);
                        m.put(items, len, it);
                    }
                    m.write(values, len, v * 3);
                }
                try (Scope s = m.scope()) {
                    int cursor = m.borrow(items);
                    for (int i = 0; i < n; i++) {
                        try (Scope e = m.scope()) {
                            checksum += m.read(m.borrow(cursor, i), 0);
                        }
                        checksum += m.read(values, i);
                    }
                }
                m.drop(items);
                m.drop(values);
            }
        }
        return checksum;
    }
}
