package org.reclaim.runtime;

import org.reclaim.runtime.heap.Heap;

/**
 * The roots: handles held by scopes, like JNI local frames. A handle is an {@code int}: the index
 * of its entry in one stack of entries, with a 7-bit generation above it, so that a handle kept
 * after its scope ended is recognised as stale instead of aliasing a newer entry.
 *
 * <p>Each entry is one {@code long} packing an address (what a moving collector updates), the
 * entry's generation and its {@link #kind} (own, borrow, Rc, Weak, or dead once moved or
 * dropped): a push is one store, and resolving a handle is one load that yields the generation to
 * check and the address to use. A variable name for scenarios is kept apart, only once a run
 * names anything. Frames are marked by the entry index where they begin. Nothing here allocates
 * after the arrays have grown to the run's deepest stack.
 *
 * <pre>
 * entry  bits 0-31 address | bits 32-39 generation (0..127; entry 0: 0x80) | bits 40-47 kind
 * handle bits 0-23 entry index | bits 24-30 generation
 * </pre>
 */
public final class Handles {
    // ---- handle kinds ----
    /** Moved out, dropped or never set: the entry holds no reference. */
    public static final byte DEAD = 0;
    /** Owns its object ({@code let x = Box::new(..)}). */
    public static final byte OWN = 1;
    /** A shared borrow ({@code &x}). */
    public static final byte BORROW = 2;
    /** A mutable borrow ({@code &mut x}). */
    public static final byte BORROW_MUT = 3;
    /** A strong {@code Rc} handle. */
    public static final byte RC = 4;
    /** A {@code Weak} handle. */
    public static final byte WEAK = 5;

    /** The handle that refers to nothing ({@code None}). */
    public static final int NONE = 0;

    private static final int INDEX_BITS = 24;
    private static final int INDEX_MASK = (1 << INDEX_BITS) - 1;
    private static final int GEN_MASK = 0x7F;
    /** Most entries the stack can hold at once. */
    public static final int MAX_ENTRIES = INDEX_MASK;

    private static final long ADDRESS_MASK = 0xFFFF_FFFFL;
    private static final int GENERATION_SHIFT = 32;
    private static final long GENERATION_FIELD = 0xFFL << GENERATION_SHIFT;
    private static final int KIND_SHIFT = 40;
    /**
     * Entry 0's generation, which no handle may use: a generation no handle's top byte can equal,
     * so the null handle fails the same one compare a stale one does.
     */
    private static final long NO_HANDLE_GENERATION = 0x80L << GENERATION_SHIFT;

    /** The entries, packed (see the class comment). Never negative: -1 can say "no live entry". */
    private long[] entries = newEntries(256);
    private String[] names = new String[256];
    private int top = 1;
    /** Pushes so far: an entry's generation is the push count when it was made, so a reused entry has a new one. */
    private long pushes;
    /** True once any entry has been named (scenarios): benchmarks never pay for names. */
    private boolean named;
    private int[] frameBase = new int[64];
    private int depth;

    private static long[] newEntries(int n) {
        long[] e = new long[n];
        e[0] = NO_HANDLE_GENERATION;
        return e;
    }

    private static long pack(int address, long generation, byte kind) {
        return (address & ADDRESS_MASK) | generation << GENERATION_SHIFT | (long) kind << KIND_SHIFT;
    }

    /** The address in a packed entry. */
    public static int address(long entry) { return (int) entry; }

    /** The kind in a packed entry. */
    public static byte kind(long entry) { return (byte) (entry >>> KIND_SHIFT); }

    // ---- entries ----

    /** Pushes an entry in the innermost frame; returns its handle. */
    public int push(int address, byte k) {
        int i = top;
        if (i == entries.length) grow();
        int g = (int) (++pushes & GEN_MASK);
        entries[i] = pack(address, g, k);
        if (named) names[i] = null;
        top = i + 1;
        return (g << INDEX_BITS) | i;
    }

    /** The address entry {@code i} holds ({@link Heap#NULL} if none). */
    public int addr(int i) { return (int) entries[i]; }

    /** The kind of entry {@code i} ({@link #DEAD} once moved or dropped). */
    public byte kind(int i) { return kind(entries[i]); }

    /** Re-points entry {@code i} at {@code address} (a cursor's step, a grown object's new block). */
    public void setAddr(int i, int address) { entries[i] = entries[i] & ~ADDRESS_MASK | address & ADDRESS_MASK; }

    /** Sets entry {@code i}'s kind, its address kept (ownership's move: a moved-from variable keeps its bits). */
    public void setKind(int i, byte k) {
        entries[i] = entries[i] & ~(0xFFL << KIND_SHIFT) | (long) k << KIND_SHIFT;
    }

    /** Entries the stack has room for now (side tables indexed by entry grow to this). */
    public int capacity() { return entries.length; }

    private void grow() {
        if (entries.length >= MAX_ENTRIES)
            throw new MemoryFault(MemoryFault.Kind.BAD_INPUT, null, "more than " + MAX_ENTRIES + " live handles");
        int n = Math.min(entries.length * 2, MAX_ENTRIES + 1);
        entries = java.util.Arrays.copyOf(entries, n);
        names = java.util.Arrays.copyOf(names, n);
    }

    /**
     * The entry index of a live handle, or -1 if the handle is stale or malformed: a range compare
     * and a generation compare (entry 0's generation matches no handle).
     */
    public int index(int handle) {
        int i = handle & INDEX_MASK;
        if (i >= top || generation(entries[i]) != handle >>> INDEX_BITS) return -1;
        return i;
    }

    /**
     * The packed entry of a live handle, or -1 if the handle is stale or malformed: {@link #index}
     * and the entry's load in one, for the contract's fast paths ({@link #address(long)} and
     * {@link #kind(long)} unpack it).
     */
    public long live(int handle) {
        int i = handle & INDEX_MASK;
        if (i >= top) return -1;
        long e = entries[i];
        return generation(e) == handle >>> INDEX_BITS ? e : -1;
    }

    /** The packed entry of a handle taken on trust (unchecked mode): no generation or range check. */
    public long liveUnchecked(int handle) { return entries[handle & INDEX_MASK]; }

    /** The entry index of a handle taken on trust (unchecked mode): no generation or range check. */
    public int indexUnchecked(int handle) { return handle & INDEX_MASK; }

    /** The entry index a handle names, whether or not it is live. */
    public static int indexOf(int handle) { return handle & INDEX_MASK; }

    private static int generation(long entry) { return (int) (entry >>> GENERATION_SHIFT) & 0xFF; }

    /** Removes the last entry pushed (a temporary root of the manager's own); its handle becomes stale. */
    public void popEntry() {
        int i = --top;
        if (named) names[i] = null;
    }

    /** Handles made so far (every push: allocations, borrows, moves, takes). */
    public long pushes() { return pushes; }

    /** Entries in use are {@code [1, top())}. */
    public int top() { return top; }

    /** Clears entry {@code i}: moved or dropped. */
    public void kill(int i) {
        entries[i] &= GENERATION_FIELD;           // address NULL (0), kind DEAD (0), generation kept
    }

    /** Names entry {@code i} after a variable of the program, for error messages and tables. */
    public void name(int i, String name) {
        if (name == null && !named) return;
        named = true;
        names[i] = name;
    }

    /** The variable name of entry {@code i}, or null. */
    public String name(int i) { return named ? names[i] : null; }

    // ---- frames ----

    /** Opens a frame; returns its depth (1 for the outermost). */
    public int pushFrame() {
        if (depth + 1 == frameBase.length) frameBase = java.util.Arrays.copyOf(frameBase, depth * 2 + 2);
        frameBase[++depth] = top;
        return depth;
    }

    /** Depth of the innermost open frame (0 when none is open). */
    public int depth() { return depth; }

    /** First entry of frame {@code d}. */
    public int base(int d) { return frameBase[d]; }

    /** True if entry {@code i} (below the top) belongs to the innermost frame. */
    public boolean inInnermostFrame(int i) { return i >= frameBase[depth]; }

    /**
     * Pops the innermost frame: its entries are gone. Their handles are stale from now on: an index
     * at or above the top is refused, and an entry pushed again gets a new generation.
     */
    public void popFrame() {
        int b = frameBase[depth--];
        if (named) java.util.Arrays.fill(names, b, top, null);
        top = b;
    }
}
