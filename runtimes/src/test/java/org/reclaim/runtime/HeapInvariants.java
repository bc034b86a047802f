package org.reclaim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.reclaim.runtime.heap.ObjectLayout;

/** Checks that hold of every manager's heap at any point between operations. */
public final class HeapInvariants {
    private HeapInvariants() {}

    /**
     * No two objects overlap; every object lies inside the heap; bytes in use equal the sum of the
     * objects the manager holds (quarantined blocks excluded); every live handle points at the start
     * of an object the manager holds.
     */
    public static void check(MemoryManager m) { check(m, i -> true); }

    /** As {@link #check(MemoryManager)}, for handle entries the program still holds ({@code held}): a C program may keep dangling pointers it never uses. */
    public static void check(MemoryManager m, java.util.function.IntPredicate held) {
        long[] w = m.heap().words;
        TreeMap<Integer, Integer> objects = new TreeMap<>();
        m.forEachObject(a -> objects.put(a, ObjectLayout.size(w[a])));
        int end = 1;
        long words = 0;
        for (var e : objects.entrySet()) {
            assertThat(e.getKey()).as("object at %d overlaps the one before (which ends at %d)", e.getKey(), end)
                    .isGreaterThanOrEqualTo(end);
            assertThat(e.getValue()).as("size of object at %d", e.getKey()).isGreaterThanOrEqualTo(ObjectLayout.HEADER_WORDS);
            end = e.getKey() + e.getValue();
            words += e.getValue();
        }
        assertThat(end).as("last object's end").isLessThanOrEqualTo(m.heap().capacity());
        assertThat(m.inUseBytes()).as("bytes in use").isEqualTo(words * Long.BYTES);
        Handles h = m.handles();
        for (int i = 1; i < h.top(); i++) {
            if (h.kind(i) == Handles.DEAD || h.addr(i) == 0 || !held.test(i)) continue;
            assertThat(objects).as("handle entry %d points at an object", i).containsKey(h.addr(i));
        }
    }
}
