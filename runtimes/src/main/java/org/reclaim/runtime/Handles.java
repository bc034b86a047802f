package org.reclaim.runtime;

import org.reclaim.runtime.heap.Heap;

/**
 * The roots: handles held by scopes, like JNI local frames. A handle is an {@code int}: the index
 * of its entry in one stack of entries, with a 7-bit generation above it, so that a handle kept
 * after its scope ended is recognised as stale instead of aliasing a newer entry.
 *
 * <p>Each entry holds an address (what a moving collector updates), a {@link #kind} (own, borrow,
 * Rc, Weak, or dead once moved or dropped) and, for scenarios, a variable name. Frames are
 * marked by the entry index where they begin. Nothing here allocates after the arrays have grown
 * to the run's deepest stack.
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

    /** Address held by each entry: public so collectors can scan and update roots in a tight loop. */
    public int[] addr = new int[256];
    /** Kind of each entry. */
    public byte[] kind = new byte[256];
    /**
     * Generation of each entry (0..127). Entry 0, which no handle may use, holds -1: a generation no
     * handle's top byte can equal, so the null handle fails the same one compare a stale one does.
     */
    private byte[] gen = newGenerations(256);
    private String[] names = new String[256];
    private int top = 1;
    /** Pushes so far: an entry's generation is the push count when it was made, so a reused entry has a new one. */
    private long pushes;
    /** True once any entry has been named (scenarios): benchmarks never pay for names. */
    private boolean named;
    private int[] frameBase = new int[64];
    private int depth;

    private static byte[] newGenerations(int n) {
        byte[] g = new byte[n];
        g[0] = -1;
        return g;
    }

    // ---- entries ----

    /** Pushes an entry in the innermost frame; returns its handle. */
    public int push(int address, byte k) {
        int i = top;
        if (i == addr.length) grow();
        addr[i] = address;
        kind[i] = k;
        byte g = (byte) (++pushes & GEN_MASK);
        gen[i] = g;
        if (named) names[i] = null;
        top = i + 1;
        return (g << INDEX_BITS) | i;
    }

    /** The address entry {@code i} holds ({@link Heap#NULL} if none). */
    public int addr(int i) { return addr[i]; }

    /** The kind of entry {@code i} ({@link #DEAD} once moved or dropped). */
    public byte kind(int i) { return kind[i]; }

    /** Re-points entry {@code i} at {@code address} (a cursor's step, a grown object's new block). */
    public void setAddr(int i, int address) { addr[i] = address; }

    private void grow() {
        if (addr.length >= MAX_ENTRIES)
            throw new MemoryFault(MemoryFault.Kind.BAD_INPUT, null, "more than " + MAX_ENTRIES + " live handles");
        int n = Math.min(addr.length * 2, MAX_ENTRIES + 1);
        addr = java.util.Arrays.copyOf(addr, n);
        kind = java.util.Arrays.copyOf(kind, n);
        gen = java.util.Arrays.copyOf(gen, n);
        names = java.util.Arrays.copyOf(names, n);
    }

    /**
     * The entry index of a live handle, or -1 if the handle is stale or malformed: a range compare
     * and a generation compare (entry 0's generation matches no handle, see {@link #gen}).
     */
    public int index(int handle) {
        int i = handle & INDEX_MASK;
        if (i >= top || gen[i] != handle >>> INDEX_BITS) return -1;
        return i;
    }

    /** The entry index of a handle taken on trust (unchecked mode): no generation or range check. */
    public int indexUnchecked(int handle) { return handle & INDEX_MASK; }

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
        addr[i] = Heap.NULL;
        kind[i] = DEAD;
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
