package org.reclaim.runtime.refcount;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseRecorder;

/** Small programs over the mutator contract, and what the refcount tests observe of them. */
final class Programs {
    private Programs() {}

    /** A program; returns the ids it expects to leak under counting without cycle collection (empty if none). */
    @FunctionalInterface
    interface Program {
        BitSet run(MemoryManager m);
    }

    /** One run: the manager, its recorder, and every id freed, in order, duplicates kept. */
    record Run(MemoryManager manager, PauseRecorder recorder, List<Integer> freed, BitSet expectedLeaks) {
        BitSet freedIds() {
            BitSet b = new BitSet();
            freed.forEach(b::set);
            return b;
        }

        BitSet leakedIds() {
            BitSet b = new BitSet();
            manager.leaks().forEach(l -> b.set(l.id()));
            return b;
        }
    }

    static Run run(String manager, long heapBytes, Program p) {
        PauseRecorder rec = new PauseRecorder(0);
        return run(Managers.find(manager).factory().create(heapBytes, rec), rec, p);
    }

    static Run run(MemoryManager m, PauseRecorder rec, Program p) {
        List<Integer> freed = new ArrayList<>();
        m.onFree(freed::add);
        BitSet expected = p.run(m);
        m.finish();
        return new Run(m, rec, freed, expected);
    }

    /** Objects whose value is not dropped and which the roots cannot reach: what counting alone cannot free. */
    static BitSet unreachableLive(MemoryManager m) {
        long[] w = m.heap().words;
        BitSet live = new BitSet();
        m.forEachObject(a -> {
            if (!ObjectLayout.has(w[a], ObjectLayout.DROPPED)) live.set(m.idAt(a));
        });
        live.andNot(new Reachability(m).reachableIds(false));
        return live;
    }

    // ---- programs that leak under counting ----

    /** A ring of {@code n} {@code Rc} nodes, then its last handle dropped. */
    static Program ring(int n) {
        return m -> {
            int node = m.shapes().define("Node", 1, SlotKind.SHARED);
            try (Scope s = m.scope()) {
                int first = m.allocShared(node, 0);
                int prev = m.share(first);
                for (int i = 1; i < n; i++) {
                    int x = m.allocShared(node, 0);
                    m.put(prev, 0, m.share(x));
                    m.drop(prev);
                    prev = x;
                }
                m.put(prev, 0, first);
                m.drop(prev);
                return unreachableLive(m);
            }
        };
    }

    /** A doubly-linked list of {@code n} nodes whose back pointers are {@code back} ({@code SHARED} or {@code WEAK}). */
    static Program doublyLinked(int n, SlotKind back) {
        return m -> {
            int node = m.shapes().define("DNode", 1, SlotKind.SHARED, back);
            try (Scope s = m.scope()) {
                int head = m.allocShared(node, 0);
                int tail = m.share(head);
                for (int i = 1; i < n; i++) {
                    int x = m.allocShared(node, 0);
                    m.write(x, 0, i);
                    m.put(x, 1, back == SlotKind.WEAK ? m.downgrade(tail) : m.share(tail));
                    m.put(tail, 0, m.share(x));
                    m.drop(tail);
                    tail = x;
                }
                m.drop(head);
                m.drop(tail);
                return unreachableLive(m);
            }
        };
    }

    /**
     * A random graph of {@code n} {@code Rc} nodes with three slots each, {@code edges} random
     * edges and {@code roots} root handles, all dropped at the end.
     */
    static Program randomGraph(long seed, int n, int edges, int roots) {
        return m -> {
            int node = m.shapes().define("GNode", 0, SlotKind.SHARED, SlotKind.SHARED, SlotKind.SHARED);
            Random r = new Random(seed);
            try (Scope s = m.scope()) {
                int[] h = new int[n];
                for (int i = 0; i < n; i++) h[i] = m.allocShared(node, 0);
                for (int e = 0; e < edges; e++) m.put(h[r.nextInt(n)], r.nextInt(3), m.share(h[r.nextInt(n)]));
                boolean[] root = new boolean[n];
                for (int i = 0; i < roots; i++) root[r.nextInt(n)] = true;
                for (int i = 0; i < n; i++) if (!root[i]) m.drop(h[i]);
                for (int i = 0; i < n; i++) if (root[i]) m.drop(h[i]);
                return unreachableLive(m);
            }
        };
    }

    // ---- programs correct under manual: every object dropped exactly once ----

    /** Trees built bottom-up, walked with borrows, dropped. */
    static BitSet trees(Mutator m) {
        int node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            for (int i = 0; i < 5; i++) {
                int t = tree(m, node, 5);
                if (sum(m, t) != 63) throw new AssertionError("wrong tree");
                m.drop(t);
            }
        }
        return new BitSet();
    }

    static int tree(Mutator m, int node, int depth) {
        try (Scope s = m.scope()) {
            int n = m.alloc(node, 0);
            m.write(n, 0, 1);
            if (depth > 0) {
                m.put(n, 0, tree(m, node, depth - 1));
                m.put(n, 1, tree(m, node, depth - 1));
            }
            return m.ret(n);
        }
    }

    static long sum(Mutator m, int t) {
        try (Scope s = m.scope()) {
            long v = m.read(t, 0);
            if (!m.isNull(t, 0)) v += sum(m, m.borrow(t, 0));
            if (!m.isNull(t, 1)) v += sum(m, m.borrow(t, 1));
            return v;
        }
    }

    /** A {@code Box} list popped from the front with {@code take}. */
    static BitSet queue(Mutator m) {
        int node = m.shapes().define("QNode", 1, SlotKind.OWNED);
        try (Scope s = m.scope()) {
            int head = m.alloc(node, 0);
            for (int i = 1; i < 50; i++) {
                int x = m.alloc(node, 0);
                m.put(x, 0, head);
                head = x;
            }
            while (true) {
                int next = m.take(head, 0);
                m.drop(head);
                if (m.isNull(next)) break;
                head = next;
            }
        }
        return new BitSet();
    }

    /** An {@code Rc} child shared by two owners, each dropped in turn. */
    static BitSet sharedChild(Mutator m) {
        int owner = m.shapes().define("Owner", 0, SlotKind.SHARED);
        int leaf = m.shapes().define("Leaf", 1);
        try (Scope s = m.scope()) {
            int a = m.allocShared(leaf, 0);
            int b = m.share(a);
            int o1 = m.alloc(owner, 0);
            m.put(o1, 0, a);
            int o2 = m.alloc(owner, 0);
            m.put(o2, 0, b);
            m.drop(o1);
            m.drop(o2);
        }
        return new BitSet();
    }

    /** A {@code Vec<Box<_>>} grown twice (realloc), then dropped with its elements. */
    static BitSet growingVec(Mutator m) {
        int vec = m.shapes().defineSlotArray("Vec<Box<Leaf>>", SlotKind.OWNED, 0);
        int leaf = m.shapes().define("Leaf", 1);
        try (Scope s = m.scope()) {
            int v = m.alloc(vec, 2);
            m.put(v, 0, m.alloc(leaf, 0));
            m.put(v, 1, m.alloc(leaf, 0));
            m.grow(v, 4);
            m.put(v, 2, m.alloc(leaf, 0));
            m.grow(v, 8);
            m.drop(v);
        }
        return new BitSet();
    }

    /** A parent owning children that point back with {@code Weak}, dropped whole. */
    static BitSet weakParent(Mutator m) {
        int parent = m.shapes().defineSlotArray("Parent", SlotKind.OWNED, 0);
        int child = m.shapes().define("Child", 1, SlotKind.WEAK);
        try (Scope s = m.scope()) {
            int p = m.allocShared(parent, 4);
            for (int i = 0; i < 4; i++) {
                int c = m.alloc(child, 0);
                m.put(c, 0, m.downgrade(p));
                m.put(p, i, c);
            }
            m.drop(p);
        }
        return new BitSet();
    }
}
