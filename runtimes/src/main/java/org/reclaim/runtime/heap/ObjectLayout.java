package org.reclaim.runtime.heap;

/**
 * The object header: the one place that knows how an object is laid out in heap words.
 *
 * <pre>
 * word 0  size in words (30 bits) | shape id (12) | flags (10) | allocation site (12)
 * word 1  object id (32)          | strong count (24) | weak count (8)
 * then    reference slots (one word each: an address, 0 = null), then data words
 * </pre>
 *
 * <p>Word 0 also heads every free block, with {@link #FREE} set, so the heap can be parsed from
 * its first word to its last. Word 1 is the object's identity (its allocation number, like a JVM's
 * identity hash) and the counts a counting manager needs. Counts are sticky when they overflow
 * (Shahriyar et al., "Down for the count?"): a stuck count never falls again, and the object is
 * never freed by counting.
 */
public final class ObjectLayout {
    private ObjectLayout() {}

    /** Words of header before the first slot. */
    public static final int HEADER_WORDS = 2;
    /** The smallest block: a header alone. */
    public static final int MIN_WORDS = HEADER_WORDS;

    private static final int SIZE_BITS = 30;
    private static final long SIZE_MASK = (1L << SIZE_BITS) - 1;
    private static final int SHAPE_SHIFT = 30;
    public static final int MAX_SHAPE = (1 << 12) - 1;
    private static final int FLAGS_SHIFT = 42;
    private static final int SITE_SHIFT = 52;
    public static final int MAX_SITE = (1 << 12) - 1;

    // ---- flags (10 bits) ----
    /** Mark bit of a tracing collector (or of a reachability walk). */
    public static final int MARK = 1;
    /** A copying collector has moved the object; word 1 holds the new address. */
    public static final int FORWARDED = 1 << 1;
    /** The block is free (free-list allocator). */
    public static final int FREE = 1 << 2;
    /** An {@code Rc} allocation: its strong and weak counts are meaningful. */
    public static final int RC = 1 << 3;
    /** The value has been dropped but the block is kept while weak references remain (Rust's RcBox). */
    public static final int DROPPED = 1 << 4;
    /** In the cycle collector's candidate buffer (Bacon &amp; Rajan's "buffered"). */
    public static final int BUFFERED = 1 << 5;
    /** Two colour bits for trial deletion: black, gray, white, purple. */
    public static final int COLOUR_SHIFT = 6;
    public static final int COLOUR_MASK = 3 << COLOUR_SHIFT;
    /** Logged by a write barrier (object remembering), or a minor collection's "already scanned". */
    public static final int LOGGED = 1 << 8;
    /** Freed but held back from reuse (a sanitizer's quarantine); set together with {@link #FREE}. */
    public static final int QUARANTINED = 1 << 9;

    public static final int BLACK = 0, GRAY = 1, WHITE = 2, PURPLE = 3;

    /** Word 0 of a new object. */
    public static long header(int sizeWords, int shape, int flags, int site) {
        return (sizeWords & SIZE_MASK) | ((long) shape << SHAPE_SHIFT) | ((long) flags << FLAGS_SHIFT)
                | ((long) site << SITE_SHIFT);
    }

    /** Word 0 of a free block of {@code sizeWords}. */
    public static long freeHeader(int sizeWords) { return header(sizeWords, 0, FREE, 0); }

    public static int size(long header) { return (int) (header & SIZE_MASK); }
    public static int shape(long header) { return (int) (header >>> SHAPE_SHIFT) & MAX_SHAPE; }
    public static int flags(long header) { return (int) (header >>> FLAGS_SHIFT) & 0x3FF; }
    public static int site(long header) { return (int) (header >>> SITE_SHIFT) & MAX_SITE; }
    public static boolean has(long header, int flag) { return (header & ((long) flag << FLAGS_SHIFT)) != 0; }
    public static long with(long header, int flag) { return header | ((long) flag << FLAGS_SHIFT); }
    public static long without(long header, int flag) { return header & ~((long) flag << FLAGS_SHIFT); }
    public static int colour(long header) { return (flags(header) & COLOUR_MASK) >>> COLOUR_SHIFT; }
    public static long withColour(long header, int colour) {
        return without(header, COLOUR_MASK) | ((long) (colour << COLOUR_SHIFT) << FLAGS_SHIFT);
    }

    // ---- word 1: identity and counts ----
    public static final int STRONG_MAX = (1 << 24) - 1;
    public static final int WEAK_MAX = (1 << 8) - 1;

    public static long identity(int id) { return id & 0xFFFFFFFFL; }
    public static int id(long word1) { return (int) word1; }
    public static int strong(long word1) { return (int) (word1 >>> 32) & STRONG_MAX; }
    public static int weak(long word1) { return (int) (word1 >>> 56) & WEAK_MAX; }
    public static long withStrong(long word1, int strong) {
        return (word1 & ~(((long) STRONG_MAX) << 32)) | ((long) strong << 32);
    }
    public static long withWeak(long word1, int weak) {
        return (word1 & ~(((long) WEAK_MAX) << 56)) | ((long) weak << 56);
    }

    // ---- where things are ----
    /** Address of slot {@code i} of the object at {@code addr}. */
    public static int slot(int addr, int i) { return addr + HEADER_WORDS + i; }

    /** Words of an object of {@code shape} with a tail of {@code length}. */
    public static long words(Shape shape, int length) {
        return (long) HEADER_WORDS + shape.slots(length) + shape.data(length);
    }

    /** Tail length of an object of {@code shape} whose block is {@code sizeWords}. */
    public static int length(Shape shape, int sizeWords) {
        int fixed = HEADER_WORDS + shape.fixedSlots() + shape.dataWords();
        return shape.tail() == Shape.Tail.NONE ? 0 : sizeWords - fixed;
    }
}
