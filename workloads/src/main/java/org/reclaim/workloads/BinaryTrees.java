package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * binary-trees, by the Computer Language Benchmarks Game's rules (after Boehm's GCBench): a
 * stretch tree of depth {@code max + 1} built, checked and dropped; a long-lived tree of depth
 * {@code max} kept throughout; then, for each depth from 4 to {@code max} in steps of 2,
 * {@code 2^(max - depth + 4)} trees built bottom-up, checked and dropped. The checksum is the sum
 * of every check.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 8.0 KiB,
 * small 512.0 KiB, default 8.0 MiB, large 256.0 MiB (the long-lived tree and the stretch tree, 32 bytes per node).
 *
 * <pre>{@code
 * struct Node { left: Option<Box<Node>>, right: Option<Box<Node>> }
 * }</pre>
 */
public final class BinaryTrees implements Workload {
    static final int MIN_DEPTH = 4;
    static final int LEFT = 0, RIGHT = 1;

    @Override public String name() { return "binary-trees"; }

    @Override public String description() {
        return "benchmarks-game binary trees: many short-lived trees beside one long-lived tree";
    }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 6);
        s.put("small", 12);
        s.put("default", 16);
        s.put("large", 21);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 8160L, "small", 524256L, "default", 8388576L, "large", 268435424L);
    }

    @Override
    public long run(Mutator m, int maxDepthArg, long seed, Map<String, String> params) {
        int node = m.shapes().define("Node", 0, SlotKind.OWNED, SlotKind.OWNED);
        int maxDepth = Math.max(MIN_DEPTH + 2, maxDepthArg);
        long checksum = 0;
        try (Scope main = m.scope()) {
            int stretch = bottomUp(m, node, maxDepth + 1);
            checksum += check(m, stretch);
            m.drop(stretch);

            int longLived = bottomUp(m, node, maxDepth);
            for (int depth = MIN_DEPTH; depth <= maxDepth; depth += 2) {
                int iterations = 1 << (maxDepth - depth + MIN_DEPTH);
                long sum = 0;
                for (int i = 0; i < iterations; i++) {
                    int body = m.enter();             // a loop body is a block: its locals end with it
                    int tree = bottomUp(m, node, depth);
                    sum += check(m, tree);
                    m.drop(tree);
                    m.exit(body);
                }
                checksum += sum;
            }
            checksum += check(m, longLived);
            m.drop(longLived);
        }
        return checksum;
    }

    /**
     * {@code Box::new(Node { left: bottom_up(d - 1), right: bottom_up(d - 1) })}: children first.
     * The function body is a scope mark ({@code enter}/{@code ret}), not a {@code Scope} object: this
     * runs once per node. An exception (out of memory) leaves the frame for the run's end to discard.
     */
    static int bottomUp(Mutator m, int node, int depth) {
        int body = m.enter();
        if (depth <= 0) return m.ret(body, m.alloc(node, 0));
        int left = bottomUp(m, node, depth - 1);
        int right = bottomUp(m, node, depth - 1);
        int n = m.alloc(node, 0);
        m.put(n, LEFT, left);
        m.put(n, RIGHT, right);
        return m.ret(body, n);
    }

    /** {@code fn check(&self) -> i64 { 1 + left.map_or(0, check) + right.map_or(0, check) }}. */
    static long check(Mutator m, int tree) {
        int body = m.enter();
        int left = m.child(tree, LEFT);
        long count = left == Handles.NONE ? 1 : 1 + check(m, left) + check(m, m.child(tree, RIGHT));
        m.exit(body);
        return count;
    }
}
