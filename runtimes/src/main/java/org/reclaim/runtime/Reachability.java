package org.reclaim.runtime;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.SlotKind;

/**
 * The manager-independent reachability walk: which objects can be reached from the roots (the
 * live handles) by following reference slots. Used by tests to check every manager, and by the
 * reachability oracle. It reads the heap and never writes it (no mark bits are touched), so it
 * may run at any point of any manager's run.
 */
public final class Reachability {
    private final MemoryManager m;
    private int[] stack = new int[1024];

    public Reachability(MemoryManager manager) { this.m = manager; }

    /**
     * The addresses reachable now.
     *
     * @param followWeak true to treat {@code WEAK} slots and handles as references (what a tracing
     *                   collector does); false for strong reachability (what counting relies on)
     */
    public BitSet reachable(boolean followWeak) { return reachable(followWeak, false); }

    /**
     * The addresses reachable now.
     *
     * @param followWeak     as in {@link #reachable(boolean)}
     * @param skipDangling   true to ignore roots that point at freed blocks (a C program's dangling pointers)
     */
    public BitSet reachable(boolean followWeak, boolean skipDangling) {
        long[] w = m.heap().words;
        Handles roots = m.handles();
        BitSet seen = new BitSet();
        int sp = 0;
        for (int i = 1; i < roots.top(); i++) {
            int a = roots.addr(i);
            byte kind = roots.kind(i);
            if (a == Heap.NULL || kind == Handles.DEAD) continue;
            if (!followWeak && kind == Handles.WEAK) continue;
            if (skipDangling && ObjectLayout.has(w[a], ObjectLayout.FREE)) continue;
            sp = visit(a, seen, w, sp);
        }
        while (sp > 0) {
            int a = stack[--sp];
            if (ObjectLayout.has(w[a], ObjectLayout.DROPPED)) continue;
            int n = m.slotsAt(a);
            var shape = m.shapes().get(ObjectLayout.shape(w[a]));
            for (int s = 0; s < n; s++) {
                int c = (int) w[a + ObjectLayout.HEADER_WORDS + s];
                if (c == Heap.NULL) continue;
                if (!followWeak && shape.slotKind(s) == SlotKind.WEAK) continue;
                if (skipDangling && ObjectLayout.has(w[c], ObjectLayout.FREE)) continue;
                sp = visit(c, seen, w, sp);
            }
        }
        return seen;
    }

    private int visit(int a, BitSet seen, long[] w, int sp) {
        if (seen.get(a)) return sp;
        seen.set(a);
        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
        stack[sp] = a;
        return sp + 1;
    }

    /** The identities of the objects reachable now. */
    public BitSet reachableIds(boolean followWeak) { return reachableIds(followWeak, false); }

    /** The identities of the objects reachable now, dangling roots skipped if asked. */
    public BitSet reachableIds(boolean followWeak, boolean skipDangling) {
        BitSet addrs = reachable(followWeak, skipDangling);
        BitSet ids = new BitSet();
        addrs.stream().forEach(a -> ids.set(m.idAt(a)));
        return ids;
    }

    /** The identities of every object the heap holds now. */
    public static BitSet allocatedIds(MemoryManager m) {
        BitSet ids = new BitSet();
        IntConsumer add = a -> ids.set(m.idAt(a));
        m.forEachObject(add);
        return ids;
    }
}
