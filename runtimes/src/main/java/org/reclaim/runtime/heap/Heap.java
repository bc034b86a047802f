package org.reclaim.runtime.heap;

/**
 * The simulated heap: one {@code long[]} of words, addressed by {@code int} word index. Address 0
 * is null and never allocated. Nothing of the simulation lives in Java objects per simulated
 * object, so the host JVM's collector stays out of the figures.
 */
public final class Heap {
    /** The null address. */
    public static final int NULL = 0;
    /** The largest heap a {@code long[]} can hold, in words. */
    public static final long MAX_WORDS = Integer.MAX_VALUE - 8;

    /** The words. Public for the managers' inner loops; only the managers and allocators write it. */
    public final long[] words;

    /**
     * A heap of {@code bytes} (rounded down to whole words).
     *
     * @throws IllegalArgumentException if the heap cannot hold even one smallest object, or is larger
     *         than a Java array can hold
     */
    public Heap(long bytes) {
        long w = bytes / Long.BYTES;
        if (w < 1 + ObjectLayout.MIN_WORDS)
            throw new IllegalArgumentException("heap of " + bytes + " bytes cannot hold one object (the smallest needs "
                    + (1 + ObjectLayout.MIN_WORDS) * Long.BYTES + " bytes with the null word)");
        if (w > MAX_WORDS)
            throw new IllegalArgumentException("heap of " + bytes + " bytes is larger than the largest simulated heap ("
                    + MAX_WORDS * Long.BYTES + " bytes)");
        words = new long[(int) w];
    }

    /** Capacity in words (the null word included). */
    public int capacity() { return words.length; }

    /** Capacity in bytes. */
    public long bytes() { return (long) words.length * Long.BYTES; }

    /** Word 0 of the object or block at {@code addr}. */
    public long header(int addr) { return words[addr]; }

    /** Size in words of the object or block at {@code addr}. */
    public int sizeOf(int addr) { return ObjectLayout.size(words[addr]); }
}
