package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * tree-drop: one large structure built, summed, and dropped at once, twice: the longest single
 * free (a recursive free, a drop-glue run, a decrement cascade) or the largest amount of garbage
 * appearing at one instant. A complete binary tree of depth {@code d} ({@code 2^(d+1) - 1} nodes,
 * each with one data word).
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 20.0 KiB,
 * small 5.0 MiB, default 80.0 MiB, large 320.0 MiB (40 bytes per node).
 *
 * <pre>{@code
 * struct Node { left: Option<Box<Node>>, right: Option<Box<Node>>, value: i64 }
 * }</pre>
 */
public final class TreeDrop implements Workload {
    static final int LEFT = 0, RIGHT = 1, VALUE = 0;
    static final int ROUNDS = 2;

    @Override public String name() { return "tree-drop"; }

    @Override public String description() { return "one large tree built and dropped at once: the longest single free"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 8);
        s.put("small", 16);
        s.put("default", 20);
        s.put("large", 22);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 20440L, "small", 5242840L, "default", 83886040L, "large", 335544280L);
    }

    @Override
    public long run(Mutator m, int depth, long seed, Map<String, String> params) {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        long checksum = 0;
        try (Scope main = m.scope()) {
            for (int round = 0; round < ROUNDS; round++) {
                long[] next = {seed + round};
                int tree = build(m, node, depth, next);
                checksum += sum(m, tree);
                m.drop(tree);
            }
        }
        return checksum;
    }

    private static int build(Mutator m, int node, int depth, long[] next) {
        try (Scope s = m.scope()) {
            int n = m.alloc(node, 0);
            m.write(n, VALUE, next[0]++);
            if (depth > 0) {
                m.put(n, LEFT, build(m, node, depth - 1, next));
                m.put(n, RIGHT, build(m, node, depth - 1, next));
            }
            return m.ret(n);
        }
    }

    private static long sum(Mutator m, int tree) {
        try (Scope s = m.scope()) {
            long total = m.read(tree, VALUE);
            if (m.isNull(tree, LEFT)) return total;
            return total + sum(m, m.borrow(tree, LEFT)) + sum(m, m.borrow(tree, RIGHT));
        }
    }
}
