package org.reclaim.runtime.heap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Count arithmetic on header word 1 (strong count 24 bits, weak count 8 bits, see
 * {@link ObjectLayout}): plain loads and stores, or, for {@code refcount-atomic}, a
 * compare-and-set loop on the heap word through a {@link VarHandle}, which is what {@code Arc}
 * pays on every clone and drop. Both are the same methods on the same path; only the store
 * differs. Counts are sticky: one that reaches its maximum is stuck and never changes again
 * (counted in {@link #stuck()}, which its owner publishes as {@code counts.stuck}); the object is
 * then never freed by counting.
 *
 * <p>One mechanism for every manager that counts: reference counting, the ownership manager's
 * {@code Rc}/{@code Weak}, and manual's hand-maintained counts.
 */
public final class Counts {
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] w;
    private final boolean atomic;
    private long stuck;

    /**
     * @param words    the heap's words
     * @param atomic   true to update counts with compare-and-set ({@code Arc}), false for plain stores ({@code Rc})
     */
    public Counts(long[] words, boolean atomic) {
        this.w = words;
        this.atomic = atomic;
    }

    /** True if counts are updated with atomic operations. */
    public boolean atomic() { return atomic; }

    /** Counts that have reached their maximum and stuck there. */
    public long stuck() { return stuck; }

    /** The strong count of the object at {@code addr}. */
    public static int strong(long[] w, int addr) { return ObjectLayout.strong(w, addr); }

    /** The weak count of the object at {@code addr}. */
    public static int weak(long[] w, int addr) { return ObjectLayout.weak(w, addr); }

    /**
     * Adds {@code delta} to the strong count of the object at {@code addr}; returns the new count
     * ({@link ObjectLayout#STRONG_MAX} if it is stuck).
     */
    public int addStrong(int addr, int delta) { return add(addr + ObjectLayout.COUNTS_WORD, ObjectLayout.STRONG_SHIFT, ObjectLayout.STRONG_MAX, delta); }

    /** Adds {@code delta} to the weak count of the object at {@code addr}; returns the new count. */
    public int addWeak(int addr, int delta) { return add(addr + ObjectLayout.COUNTS_WORD, ObjectLayout.WEAK_SHIFT, ObjectLayout.WEAK_MAX, delta); }

    /** Sets the strong count of a new object (no other thread can see it yet). */
    public void initStrong(int addr, int count) { ObjectLayout.initStrong(w, addr, count); }

    private int add(int i, int shift, int max, int delta) {
        long old, now;
        int n;
        do {
            old = atomic ? (long) WORDS.getVolatile(w, i) : w[i];
            int c = (int) (old >>> shift) & max;
            if (c == max) return max;
            n = c + delta;
            if (n < 0) throw new IllegalStateException("count fell below zero at word " + (i - ObjectLayout.COUNTS_WORD));
            now = (old & ~((long) max << shift)) | ((long) n << shift);
            if (!atomic) {
                w[i] = now;
                break;
            }
        } while (!WORDS.compareAndSet(w, i, old, now));
        if (n == max) stuck++;
        return n;
    }
}
