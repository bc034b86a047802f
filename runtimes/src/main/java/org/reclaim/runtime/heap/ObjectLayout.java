package org.reclaim.runtime.heap;

/**
 * The object header and every metadata bit: the one place that knows how an object or a free
 * block is laid out in heap words (as mmtk-core keeps its header and side metadata specs in
 * {@code util/metadata} and forwarding in {@code util/object_forwarding}). No other class decodes a
 * header word by hand; they call the methods below.
 *
 * <pre>
 * word 0  size in words (30) | shape id (10) | flags (14) | allocation site (10)
 * word 1  an object:     identity (32)  | strong count (24) | weak count (8)
 *         while moving:  identity (32)  | forwarding address (32), with FORWARDED set in word 0
 *         a free block:  the address of the next block on its free list
 * then    reference slots (one word each: an address, 0 = null), then data words
 * </pre>
 *
 * <p>Word 0 also heads every free block, with {@link #FREE} set, so the heap can be parsed from
 * its first word to its last. Word 1 is the object's identity (its allocation number, like a JVM's
 * identity hash) and the counts a counting manager needs; a tracing collector, which keeps no
 * counts, overlays the count bits with the forwarding address during a collection. Counts are
 * sticky when they overflow (Shahriyar et al., "Down for the count?"): a stuck count never falls
 * again, and the object is never freed by counting.
 *
 * <p><b>Flags</b> (14 bits): 11 are taken, 3 are spare ({@link #SPARE_FLAGS}) for the next
 * collectors (Immix's "straddles lines" and pinning, a concurrent copier's "being forwarded").
 * Per-line or per-block metadata (Immix's line marks) belongs in side tables beside the heap, not
 * in headers.
 */
public final class ObjectLayout {
    private ObjectLayout() {}

    /** Words of header before the first slot. */
    public static final int HEADER_WORDS = 2;
    /** The smallest block: a header alone. */
    public static final int MIN_WORDS = HEADER_WORDS;

    // ---- word 0 ----
    private static final int SIZE_BITS = 30;
    private static final long SIZE_MASK = (1L << SIZE_BITS) - 1;
    private static final int SHAPE_SHIFT = SIZE_BITS;
    private static final int SHAPE_BITS = 10;
    /** The largest shape id. */
    public static final int MAX_SHAPE = (1 << SHAPE_BITS) - 1;
    private static final int FLAGS_SHIFT = SHAPE_SHIFT + SHAPE_BITS;
    private static final int FLAG_BITS = 14;
    private static final int FLAGS_MASK = (1 << FLAG_BITS) - 1;
    private static final int SITE_SHIFT = FLAGS_SHIFT + FLAG_BITS;
    /** The largest allocation site number. */
    public static final int MAX_SITE = (1 << (Long.SIZE - SITE_SHIFT)) - 1;
    /** The largest block a header can describe, in words. */
    public static final long MAX_BLOCK_WORDS = SIZE_MASK;

    // ---- flags ----
    /** Mark bit of a tracing collector (or of a reachability walk, or deferred counting's root mark). */
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
    /** Logged by a write barrier (object remembering). */
    public static final int LOGGED = 1 << 8;
    /** Freed but held back from reuse (a sanitizer's quarantine); set together with {@link #FREE}. */
    public static final int QUARANTINED = 1 << 9;
    /** In deferred reference counting's zero-count table. */
    public static final int IN_ZCT = 1 << 10;
    /** The flag bits no manager uses yet. */
    public static final int SPARE_FLAGS = FLAGS_MASK & ~((1 << 11) - 1);

    public static final int BLACK = 0, GRAY = 1, WHITE = 2, PURPLE = 3;

    /** Word 0 of a new object. */
    public static long header(int sizeWords, int shape, int flags, int site) {
        return (sizeWords & SIZE_MASK) | ((long) shape << SHAPE_SHIFT) | ((long) flags << FLAGS_SHIFT)
                | ((long) site << SITE_SHIFT);
    }

    /** Word 0 of a free block of {@code sizeWords}. */
    public static long freeHeader(int sizeWords) { return header(sizeWords, 0, FREE, 0); }

    /** Word 0 of a freed object: its size, shape and site kept (a use after free reads it as the old object), {@link #FREE} set. */
    public static long freedHeader(long header) { return header(size(header), shape(header), FREE, site(header)); }

    public static int size(long header) { return (int) (header & SIZE_MASK); }
    public static int shape(long header) { return (int) (header >>> SHAPE_SHIFT) & MAX_SHAPE; }
    public static int flags(long header) { return (int) (header >>> FLAGS_SHIFT) & FLAGS_MASK; }
    public static int site(long header) { return (int) (header >>> SITE_SHIFT) & MAX_SITE; }
    public static boolean has(long header, int flag) { return (header & ((long) flag << FLAGS_SHIFT)) != 0; }
    public static long with(long header, int flag) { return header | ((long) flag << FLAGS_SHIFT); }
    public static long without(long header, int flag) { return header & ~((long) flag << FLAGS_SHIFT); }
    public static int colour(long header) { return (flags(header) & COLOUR_MASK) >>> COLOUR_SHIFT; }
    public static long withColour(long header, int colour) {
        return without(header, COLOUR_MASK) | ((long) (colour << COLOUR_SHIFT) << FLAGS_SHIFT);
    }

    // ---- flags in place ----

    /** True if the object or block at {@code a} has {@code flag}. */
    public static boolean has(long[] w, int a, int flag) { return has(w[a], flag); }
    /** Sets {@code flag} on the object at {@code a}. */
    public static void set(long[] w, int a, int flag) { w[a] = with(w[a], flag); }
    /** Clears {@code flag} on the object at {@code a}. */
    public static void clear(long[] w, int a, int flag) { w[a] = without(w[a], flag); }
    /** Size in words of the object or block at {@code a}. */
    public static int size(long[] w, int a) { return size(w[a]); }

    // ---- word 1: identity ----
    private static final int IDENTITY_WORD = 1;
    private static final long IDENTITY_MASK = 0xFFFF_FFFFL;

    /** Word 1 of a new object: its identity, counts zero. */
    public static long identity(int id) { return id & IDENTITY_MASK; }
    /** The identity held in a word 1. */
    public static int id(long word1) { return (int) word1; }
    /** The identity of the object at {@code a}. */
    public static int id(long[] w, int a) { return (int) w[a + IDENTITY_WORD]; }
    /** Writes the identity of a new object at {@code a}, counts zero. */
    public static void initIdentity(long[] w, int a, int id) { w[a + IDENTITY_WORD] = identity(id); }

    // ---- word 1: counts ----
    /** Index, from the object's address, of the word that holds the counts. */
    public static final int COUNTS_WORD = 1;
    public static final int STRONG_SHIFT = 32, WEAK_SHIFT = 56;
    public static final int STRONG_MAX = (1 << 24) - 1;
    public static final int WEAK_MAX = (1 << 8) - 1;

    public static int strong(long word1) { return (int) (word1 >>> STRONG_SHIFT) & STRONG_MAX; }
    public static int weak(long word1) { return (int) (word1 >>> WEAK_SHIFT) & WEAK_MAX; }
    public static long withStrong(long word1, int strong) {
        return (word1 & ~(((long) STRONG_MAX) << STRONG_SHIFT)) | ((long) strong << STRONG_SHIFT);
    }
    public static long withWeak(long word1, int weak) {
        return (word1 & ~(((long) WEAK_MAX) << WEAK_SHIFT)) | ((long) weak << WEAK_SHIFT);
    }
    /** The strong count of the object at {@code a}. */
    public static int strong(long[] w, int a) { return strong(w[a + COUNTS_WORD]); }
    /** The weak count of the object at {@code a}. */
    public static int weak(long[] w, int a) { return weak(w[a + COUNTS_WORD]); }
    /** Sets the strong count of the object at {@code a} (a new object: no other thread sees it yet). */
    public static void initStrong(long[] w, int a, int count) { w[a + COUNTS_WORD] = withStrong(w[a + COUNTS_WORD], count); }

    // ---- word 1: forwarding (tracing collectors, which keep no counts) ----
    private static final int FORWARD_SHIFT = 32;

    /** True if the object at {@code a} has been moved (its word 1 holds the new address). */
    public static boolean isForwarded(long[] w, int a) { return has(w[a], FORWARDED); }

    /** Marks the object at {@code a} as moved to {@code to}: {@link #FORWARDED} set, the address in word 1, its identity kept. */
    public static void forward(long[] w, int a, int to) {
        w[a] = with(w[a], FORWARDED);
        setForwardingAddress(w, a, to);
    }

    /** The address stored by {@link #forward} or {@link #setForwardingAddress}. */
    public static int forwardingAddress(long[] w, int a) { return (int) (w[a + IDENTITY_WORD] >>> FORWARD_SHIFT); }

    /** Stores a forwarding address without setting {@link #FORWARDED} (a compactor's computed new address). */
    public static void setForwardingAddress(long[] w, int a, int to) {
        w[a + IDENTITY_WORD] = (w[a + IDENTITY_WORD] & IDENTITY_MASK) | ((long) to << FORWARD_SHIFT);
    }

    /** Clears the forwarding address: word 1 holds the identity alone again. */
    public static void clearForwardingAddress(long[] w, int a) { w[a + IDENTITY_WORD] &= IDENTITY_MASK; }

    // ---- free blocks: the free-list link ----
    private static final int LINK_WORD = 1;

    /** The next block on the free list of the free block at {@code b}. */
    public static int nextFree(long[] w, int b) { return (int) w[b + LINK_WORD]; }
    /** Links the free block at {@code b} to {@code next}. */
    public static void setNextFree(long[] w, int b, int next) { w[b + LINK_WORD] = next; }

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
