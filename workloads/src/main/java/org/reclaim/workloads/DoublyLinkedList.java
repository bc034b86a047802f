package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * doubly-linked-list: Rust's {@code Rc} doubly-linked list, four rounds of: push {@code n} nodes at
 * the back, walk forward, walk backward, pop half from the front, drop the list. With
 * {@code --back weak} (the default) back pointers are {@code Weak} and counting frees every node;
 * with {@code --back strong} they are {@code Rc}, every pair of neighbours is a cycle, and counting
 * (Rust's too) leaks the list: only tracing and cycle collection reclaim it. The checksum is the
 * same either way.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 3.9 KiB,
 * small 390.7 KiB, default 7.6 MiB, large 38.1 MiB (40 bytes per node; with --back weak).
 *
 * <pre>{@code
 * struct Node { next: Option<Rc<Node>>, prev: Option<Weak<Node>>, value: i64 } // prev: Rc with --back strong
 * struct List { head: Option<Rc<Node>>, tail: Option<Weak<Node>> }             // tail: Rc with --back strong
 * }</pre>
 */
public final class DoublyLinkedList implements Workload {
    static final int HEAD = 0, TAIL = 1, NEXT = 0, PREV = 1, VALUE = 0;
    static final int ROUNDS = 4;

    @Override public String name() { return "doubly-linked-list"; }

    @Override public String description() { return "an Rc doubly-linked list; --back strong makes every link a cycle"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 100);
        s.put("small", 10_000);
        s.put("default", 200_000);
        s.put("large", 1_000_000);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 4032L, "small", 400032L, "default", 8000032L, "large", 40000032L);
    }

    @Override public Map<String, String> parameters() { return Map.of("back", "weak"); }

    @Override
    public void checkParameters(Map<String, String> params) {
        String back = params.getOrDefault("back", "weak");
        if (!back.equals("weak") && !back.equals("strong"))
            throw new IllegalArgumentException("--back takes weak or strong, not '" + back + "'");
    }

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        checkParameters(params);
        String back = params.getOrDefault("back", "weak");
        boolean weak = back.equals("weak");
        SlotKind backKind = weak ? SlotKind.WEAK : SlotKind.SHARED;
        int list = m.shapes().define("List", 0, SlotKind.SHARED, backKind);
        int node = m.shapes().define("Node", 1, SlotKind.SHARED, backKind);
        long checksum = 0;
        try (Scope main = m.scope()) {
            for (int round = 0; round < ROUNDS; round++) {
                int l = m.alloc(list, 0);
                for (int i = 0; i < n; i++) pushBack(m, l, node, seed * 1_000_003L + round * (long) n + i, weak);
                checksum += forward(m, l) * 3 + backward(m, l, weak);
                for (int i = 0; i < n / 2; i++) checksum += popFront(m, l);
                m.drop(l);
            }
        }
        return checksum;
    }

    private static void pushBack(Mutator m, int list, int node, long value, boolean weak) {
        try (Scope s = m.scope()) {
            int n = m.allocShared(node, 0);
            m.write(n, VALUE, value);
            if (m.isNull(list, TAIL)) {
                m.put(list, HEAD, m.share(n));
            } else {
                int last = weak ? m.upgrade(m.borrow(list, TAIL)) : m.share(m.borrow(list, TAIL));
                m.put(n, PREV, weak ? m.downgrade(last) : m.share(last));
                m.put(last, NEXT, m.share(n));
                m.drop(last);
            }
            m.put(list, TAIL, weak ? m.downgrade(n) : m.share(n));
            m.drop(n);
        }
    }

    private static long forward(Mutator m, int list) {
        try (Scope s = m.scope()) {
            long sum = 0;
            int cursor = m.borrow(list, HEAD);
            for (boolean more = !m.isNull(cursor); more; more = m.advance(cursor, NEXT)) sum += m.read(cursor, VALUE);
            return sum;
        }
    }

    /** Walks from the tail by the back pointers, upgrading each {@code Weak} to read its node. */
    private static long backward(Mutator m, int list, boolean weak) {
        try (Scope s = m.scope()) {
            long sum = 0, position = 1;
            int cursor = m.borrow(list, TAIL);
            for (boolean more = !m.isNull(cursor); more; more = m.advance(cursor, PREV), position++) {
                try (Scope step = m.scope()) {
                    if (weak) {
                        int current = m.upgrade(cursor);
                        sum += m.read(current, VALUE) * position;
                        m.drop(current);
                    } else {
                        sum += m.read(cursor, VALUE) * position;
                    }
                }
            }
            return sum;
        }
    }

    /** {@code list.pop_front()}: the value of the first node, which is dropped. */
    private static long popFront(Mutator m, int list) {
        try (Scope s = m.scope()) {
            int first = m.take(list, HEAD);
            int next = m.take(first, NEXT);
            if (m.isNull(next)) {
                m.put(list, TAIL, Handles.NONE);
            } else {
                m.put(next, PREV, Handles.NONE);
                m.put(list, HEAD, next);
            }
            long value = m.read(first, VALUE);
            m.drop(first);
            return value;
        }
    }
}
