package org.reclaim.runtime.tracing;

import java.util.Arrays;

/**
 * An explicit stack of heap addresses in one reused {@code int[]}: the tracer's work list of gray
 * objects (marked or copied, slots not yet scanned), so that tracing a long list never recurses in
 * Java. The generational collector also keeps its remembered set in one (a sequential store
 * buffer). Grows by doubling; never shrinks, so a steady-state collection allocates nothing.
 */
final class WorkList {
    private int[] items = new int[1024];
    private int size;

    /** Pushes {@code addr}. */
    void push(int addr) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = addr;
    }

    /** Pops the most recently pushed address; the list must not be empty. */
    int pop() { return items[--size]; }

    boolean isEmpty() { return size == 0; }

    int size() { return size; }

    /** The {@code i}-th address pushed and still held. */
    int get(int i) { return items[i]; }

    /** Keeps only the first {@code n} addresses (after they have been rewritten with {@link #set}). */
    void truncate(int n) { size = n; }

    /** Overwrites the {@code i}-th address. */
    void set(int i, int addr) { items[i] = addr; }

    /** Empties the list. */
    void clear() { size = 0; }
}
