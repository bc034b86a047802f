package org.reclaim.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.alloc.FreeListAllocator;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.Shape;
import org.reclaim.runtime.heap.Shapes;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.oracle.LifetimeOracle;
import org.reclaim.runtime.oracle.ObjectGraph;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;

/**
 * The base of every simulated memory manager: the mechanism (the heap, the roots and their
 * scopes, allocation's common path, accounting, the pause clock, the slot-store barrier hook) and
 * the operations whose meaning is the same under every family (reads, writes, borrows, a slot's
 * child, a cursor's advance, {@code ret}, {@code grow} with its {@link #releaseGrown} hook,
 * {@code clone}). The operations a language gives its own meaning ({@code put}, {@code take},
 * {@code drop}, {@code free}, {@code move}, {@code share}, {@code downgrade}, {@code upgrade})
 * each family defines: {@link ManagedReferences} for the collectors, epsilon and C (a reference
 * is a copy), {@code Ownership} for Rust, {@code RefCounting} for counting. Each manager is a
 * small family of classes over this base and the shared mechanisms ({@code alloc},
 * {@link Reachability}): allocation always ({@link #allocate}), and for example
 * {@link #slotStored} for a write barrier, {@link #scopeEnd} for drops at a scope's end.
 *
 * <p>Subclasses must keep the handle discipline: any address held across an allocation must be in
 * a handle, since allocation may move objects.
 */
public abstract class MemoryManager implements Mutator, ObjectGraph {

    /**
     * Checked mode (the default): every misuse of the contract (a stale handle, a slot or data
     * index out of range) is caught and reported. Started with {@code -Dreclaim.unchecked=true}, a
     * JVM runs the trusted mode: those checks are compiled out (a static final), for benchmarks and
     * large campaigns; a program that misuses the contract then has undefined results there
     * (it may read another object's words or end with an exception of the lab). The memory errors
     * each manager's semantics defines (double free, use after free under a sanitizer, Rust's
     * ownership errors) are caught in both modes.
     */
    public static final boolean CHECKED = !Boolean.getBoolean("reclaim.unchecked");

    // ---- instance fields ----

    /** The simulated heap. */
    protected final Heap heap;
    /** The heap's words, for inner loops. */
    protected final long[] w;
    /** The run's shapes. */
    protected final Shapes shapes = new Shapes();
    /** The roots. */
    protected final Handles handles = new Handles();
    /** Work counters. */
    protected final Counters counters = new Counters();
    /** Where pauses and footprint go. */
    protected final Probe probe;

    private Scope[] scopes = new Scope[16];
    private final List<String> sites = new ArrayList<>(List.of("(no site)"));
    private int site;
    private int nextId = 1;
    private long nextSample;

    /** Objects and bytes allocated and freed, kept by every manager. */
    protected long objectsAllocated, bytesAllocated, objectsFreed, bytesFreed;

    // clone's explicit work list: (source borrow, copy, next slot) per frame, reused across calls
    private int[] cloneStack = new int[48];

    /** False once a manager has said it never hands out a word twice: a new object's words are then still zero. */
    private boolean reusesMemory = true;

    // the contract's own operations, counted in plain fields (published as mutator.* counters)
    private long reads, writes, slotAccesses, scopeEnds;

    protected MemoryManager(long heapBytes, Probe probe) {
        this.heap = new Heap(heapBytes);
        this.w = heap.words;
        this.probe = probe;
        this.nextSample = probe.sampleEveryBytes();
        counters.defineDerived("mutator.reads", () -> reads);
        counters.defineDerived("mutator.writes", () -> writes);
        counters.defineDerived("mutator.slot.accesses", () -> slotAccesses);
        counters.defineDerived("mutator.handles", handles::pushes);
        counters.defineDerived("mutator.scope.ends", () -> scopeEnds);
        counters.defineDerived("alloc.objects", () -> objectsAllocated);
        counters.defineDerived("alloc.words", () -> bytesAllocated / Long.BYTES);
        counters.defineDerived("objects.freed", () -> objectsFreed);
        counters.defineDerived("words.freed", () -> bytesFreed / Long.BYTES);
        counters.defineDerived("pauses.untimed", () -> untimedPauses);
        counters.defineDerived("pauses.untimed.objects", () -> untimedPauseObjects);
    }

    /**
     * Says that this manager never allocates a word twice (epsilon): the heap starts zeroed, so a
     * new object needs no zeroing.
     */
    protected final void neverReusesMemory() { reusesMemory = false; }

    /** Publishes a bump allocator's work as {@code bump.*} counters (one bump allocator per manager). */
    protected final void countWork(BumpAllocator bump) {
        counters.defineDerived("bump.allocations", bump::allocations);
        counters.defineDerived("bump.failures", bump::failures);
    }

    /** Publishes a free-list allocator's work as {@code freelist.*} counters (one free-list allocator per manager). */
    protected final void countWork(FreeListAllocator freeList) {
        counters.defineDerived("freelist.allocations.fast", freeList::fastAllocations);
        counters.defineDerived("freelist.allocations.slow", freeList::slowAllocations);
        counters.defineDerived("freelist.failures", freeList::failures);
        counters.defineDerived("freelist.blocks.searched", freeList::blocksSearched);
        counters.defineDerived("freelist.splits", freeList::splits);
        counters.defineDerived("freelist.frees", freeList::frees);
        counters.defineDerived("freelist.consolidations", freeList::consolidations);
        counters.defineDerived("freelist.words.scanned", freeList::wordsScanned);
    }

    /** The manager's name as the lab lists it, variant included (for example {@code refcount+cycles}). */
    public abstract String name();

    // ---- what each manager decides ----

    /**
     * Finds {@code words} for a new object, collecting if this manager collects; returns its
     * address. May move objects (updating the handles).
     *
     * @throws OutOfMemory when there is no room even after collecting
     */
    protected abstract int allocate(int words);

    /** Bytes of the heap in use now: allocated blocks, or the occupied part of a bump region. */
    public abstract long inUseBytes();

    /**
     * Bytes of the heap this manager holds now, which the footprint samples: what is in use, and
     * for a copying collector the reserve its next collection copies into (MMTk's reserved pages:
     * used plus collection reserve). Default: {@link #inUseBytes()}.
     */
    public long footprintBytes() { return inUseBytes(); }

    /** Calls {@code visitor} with the address of every object the heap holds now, dead or alive. */
    public abstract void forEachObject(IntConsumer visitor);

    /** Objects still allocated at the end of the run that nothing will free (empty for collectors). */
    public List<Leak> leaks() { return List.of(); }

    /**
     * Called after the workload's outermost scope has closed: a manager that frees at exit (a
     * final collection, a last cycle collection) does it here. Default: nothing.
     */
    public void finish() {}

    /** Called for each new object, after its header is written and before its handle exists. */
    protected void initObject(int addr, byte handleKind) {}

    /** Called at the end of every scope, before its entries {@code [base, top)} are popped. */
    protected void scopeEnd(int base, int top) {}

    // ---- accounting ----

    public final Heap heap() { return heap; }
    public final Handles handles() { return handles; }
    public final Counters counters() { return counters; }
    public final Probe probe() { return probe; }
    public final long objectsAllocated() { return objectsAllocated; }
    public final long bytesAllocated() { return bytesAllocated; }
    public final long objectsFreed() { return objectsFreed; }
    public final long bytesFreed() { return bytesFreed; }
    /** The site registered under {@code number}. */
    public final String siteName(int number) { return sites.get(number); }

    @Override public final Shapes shapes() { return shapes; }

    // ---- scopes ----

    @Override
    public final Scope scope() {
        int d = handles.pushFrame();
        if (d >= scopes.length) scopes = Arrays.copyOf(scopes, d * 2);
        Scope s = scopes[d];
        if (s == null) s = scopes[d] = new Scope(this::closeScope, d);
        return s;
    }

    @Override public final int enter() { return handles.pushFrame(); }

    @Override public final void exit(int mark) { closeScope(mark); }

    @Override
    public final int ret(int mark, int h) {
        if (CHECKED && handles.depth() != mark)
            throw bad("ret: scope " + mark + " is not the innermost open scope (" + handles.depth() + " is)");
        return ret(h);
    }

    /** Ends scope {@code depth} if it is still open. */
    final void closeScope(int depth) {
        int d = handles.depth();
        if (d < depth) return;
        if (d != depth) throw bad("scope " + depth + " closed while scope " + d + " inside it is still open");
        if (oracle != null) oracle.tick();
        scopeEnds++;
        try {
            scopeEnd(handles.base(d), handles.top());
        } finally {
            handles.popFrame();       // a fault raised at a scope's end still ends the scope
        }
    }

    // ---- the lifetime oracle ----

    private LifetimeOracle oracle;

    /** Records lifetimes from now on (before the first allocation); see {@link LifetimeOracle}. */
    public final void recordLifetimes(LifetimeOracle o) { this.oracle = o; }

    /** The lifetime oracle, or null when it is off. */
    public final LifetimeOracle oracle() { return oracle; }

    @Override public final BitSet allocatedIds() { return Reachability.allocatedIds(this); }

    @Override public final BitSet stronglyReachableIds() { return new Reachability(this).reachableIds(false, true); }

    /**
     * A collector calls this as a collection begins, before it frees anything: with the oracle on,
     * a reachability walk, so that what the collection frees was seen unreachable first.
     */
    protected final void collectionStarting() {
        if (oracle != null) oracle.walk(this, bytesAllocated);
    }

    /**
     * A scenario step begins (call it before each source line): the oracle's operation clock
     * ticks and unreachable objects are found. Nothing happens when the oracle is off.
     */
    public final void step() {
        if (oracle == null) return;
        oracle.step();
        oracle.walk(this, bytesAllocated);
    }

    // ---- allocation ----

    @Override
    public int alloc(int shape, int length) {
        return handles.push(newObject(shape, length, 0, Handles.OWN), Handles.OWN);
    }

    @Override
    public int allocShared(int shape, int length) {
        return handles.push(newObject(shape, length, ObjectLayout.RC, Handles.RC), Handles.RC);
    }

    /**
     * Allocates and initialises an object (header, identity, zeroed body) and returns its address.
     * Nothing holds it yet: the caller stores it in a handle before anything else can allocate.
     */
    protected final int newObject(int shapeId, int length, int flags, byte handleKind) {
        if (shapeId < 0 || shapeId >= shapes.size())
            throw bad("no shape " + shapeId + " (" + shapes.size() + " are defined)");
        long words = length < 0 ? -1 : shapes.wordsOf(shapeId, length);
        if (words < 0) throw badLength(shapeId, length);
        if (words > heap.capacity() - 1) throw new OutOfMemory(words * Long.BYTES, heap.bytes());
        int size = (int) words;
        int a = allocate(size);
        w[a] = ObjectLayout.header(size, shapeId, flags, site);
        ObjectLayout.initIdentity(w, a, nextId++);
        if (reusesMemory) for (int k = a + ObjectLayout.HEADER_WORDS, end = a + size; k < end; k++) w[k] = 0L;
        objectsAllocated++;
        bytesAllocated += (long) size * Long.BYTES;
        if (oracle != null && oracle.allocated(ObjectLayout.id(w, a), size, bytesAllocated)) {
            handles.push(a, handleKind);                  // the new object is a root during the walk (which moves nothing)
            oracle.walk(this, bytesAllocated);
            handles.popEntry();
        }
        initObject(a, handleKind);
        if (bytesAllocated >= nextSample) sampleFootprint();
        return a;
    }

    private MemoryFault badLength(int shapeId, int length) {
        Shape s = shapes.get(shapeId);
        if (length < 0) return bad("negative length " + length + " for a " + s.name());
        return bad("a " + s.name() + " has no variable part, but length " + length + " was asked for");
    }

    private void sampleFootprint() {
        probe.footprint(bytesAllocated, footprintBytes());
        long every = probe.sampleEveryBytes();
        nextSample = every == Long.MAX_VALUE ? Long.MAX_VALUE : bytesAllocated - bytesAllocated % every + every;
    }

    /**
     * Records that the object at {@code addr} is freed, before its block is reused: every manager
     * calls it once for every object it frees (collectors too, for each object they reclaim).
     */
    protected final void countFreed(int addr) {
        if (untimedObjects > 0 && --untimedObjects == 0) pauseStart = System.nanoTime();
        objectsFreed++;
        bytesFreed += (long) heap.sizeOf(addr) * Long.BYTES;
        if (freeListener != null) freeListener.accept(idAt(addr));
        if (oracle != null) oracle.freed(idAt(addr), bytesAllocated);
    }

    private IntConsumer freeListener;

    /**
     * Counts {@code objects} objects of {@code words} words freed at once, where nobody asks which
     * they were: a copying collector's dead objects, known by arithmetic without parsing the space
     * they were in. When {@link #needsEachFreedObject()}, the collector parses and calls
     * {@link #countFreed} for each instead.
     */
    protected final void countFreedInBulk(long objects, long words) {
        objectsFreed += objects;
        bytesFreed += words * Long.BYTES;
    }

    /** True when a free listener or the lifetime oracle needs the identity of every freed object. */
    protected final boolean needsEachFreedObject() { return freeListener != null || oracle != null; }

    /**
     * Calls {@code listener} with the identity of every object freed from now on (tests, and
     * {@code lab explain}). One branch on the free path when unset.
     */
    public final void onFree(IntConsumer listener) { this.freeListener = listener; }

    // ---- pauses: the one place the clock is read ----

    /** Objects an explicit pause frees before its clock starts (0: at its start). */
    private int explicitTimedFrom;
    private boolean pauseOpen;
    private PauseKind pauseKind;
    private long pauseStart, pauseInUse, pauseObjectsFreed, pauseBytesFreed;
    /** Objects the open explicit pause must still free before its clock starts. */
    private int untimedObjects;
    private long untimedPauses, untimedPauseObjects;

    /**
     * Times explicit pauses (a manual recursive free, a drop-glue run, a decrement cascade) only
     * from their {@code objects}-th freed object on: a pause that frees fewer is counted
     * ({@code pauses.untimed}, {@code pauses.untimed.objects}) but costs no clock reading and is
     * not given to the probe; a longer one is timed from that object to its end. 0 (the default)
     * times every pause from its start. The lab's runs set it ({@code Runner}); tests and
     * {@code lab explain} keep every pause.
     */
    public final void timeExplicitPausesFrom(int objects) {
        if (objects < 0) throw new IllegalArgumentException("objects must be >= 0, not " + objects);
        this.explicitTimedFrom = objects;
    }

    /**
     * Begins a collection pause (always timed): the oracle's walk first (not the collector's
     * work), then the clock and the heap in use.
     */
    protected final void beginCollectionPause(PauseKind kind) {
        collectionStarting();
        openPause(kind);
        pauseStart = System.nanoTime();
    }

    /** Ends the collection begun by {@link #beginCollectionPause}, recording it with its work. */
    protected final void endCollectionPause(long objects, long words) {
        pauseOpen = false;
        probe.pause(pauseKind, pauseStart, System.nanoTime(), objects, words, pauseInUse, inUseBytes());
    }

    /**
     * Begins an explicit pause: one that frees what the program released (see
     * {@link #timeExplicitPausesFrom}). Returns false, doing nothing, if a pause is already open:
     * its work then belongs to that one, and the caller must not end it.
     */
    protected final boolean beginExplicitPause(PauseKind kind) {
        if (pauseOpen) return false;
        openPause(kind);
        untimedObjects = explicitTimedFrom;
        if (explicitTimedFrom == 0) pauseStart = System.nanoTime();
        return true;
    }

    /**
     * Ends the explicit pause begun by {@link #beginExplicitPause}: nothing if it freed nothing;
     * counted as untimed if it freed fewer objects than its clock waits for; else recorded with the
     * objects and words it freed.
     */
    protected final void endExplicitPause() {
        pauseOpen = false;
        long objects = objectsFreed - pauseObjectsFreed;
        if (objects == 0) {
            untimedObjects = 0;
            return;
        }
        if (untimedObjects > 0) {
            untimedObjects = 0;
            untimedPauses++;
            untimedPauseObjects += objects;
            return;
        }
        probe.pause(pauseKind, pauseStart, System.nanoTime(), objects, (bytesFreed - pauseBytesFreed) / Long.BYTES,
                pauseInUse, inUseBytes());
    }

    private void openPause(PauseKind kind) {
        pauseOpen = true;
        pauseKind = kind;
        pauseInUse = inUseBytes();
        pauseObjectsFreed = objectsFreed;
        pauseBytesFreed = bytesFreed;
    }

    // ---- resolving handles ----

    /** The entry index of handle {@code h}, which must be live (not stale). */
    protected final int entry(int h) {
        int i = CHECKED ? handles.index(h) : handles.indexUnchecked(h);
        if (i < 0) throw stale(h);
        if (oracle != null) oracle.tick();
        return i;
    }

    /**
     * The packed entry of handle {@code h}, which must be live (not stale): one load gives its
     * address ({@link Handles#address(long)}) and kind ({@link Handles#kind(long)}).
     */
    protected final long liveEntry(int h) {
        long e = CHECKED ? handles.live(h) : handles.liveUnchecked(h);
        if (e < 0) throw stale(h);
        if (oracle != null) oracle.tick();
        return e;
    }

    /** The address handle {@code h} holds, which must be live (it may be null). */
    protected final int addressOf(int h) { return Handles.address(liveEntry(h)); }

    /** The address handle {@code h} refers to, which must be non-null: a use of the object. */
    protected final int deref(int h) {
        int a = Handles.address(liveEntry(h));
        if (a == Heap.NULL) throw nullReference(Handles.indexOf(h));
        if (oracle != null) oracle.used(ObjectLayout.id(w, a), bytesAllocated);
        return a;
    }

    /**
     * The address for a data access through {@code h}: {@link #deref} plus the checks a manager
     * makes on an access (a sanitizer's, a borrow checker's).
     */
    protected int access(int h) { return deref(h); }

    /** The error for using a handle that holds nothing: a managed language's NullPointerException. */
    protected RuntimeException nullReference(int entry) {
        String n = handles.name(entry);
        return new MemoryFault(MemoryFault.Kind.NULL_DEREFERENCE, null,
                "null reference: " + (n == null ? "a variable" : "`" + n + "`") + " was dropped, moved or never set");
    }

    private MemoryFault stale(int h) {
        return bad("handle " + Integer.toHexString(h) + " is not live: its scope has ended, or it never existed");
    }

    /** A misuse of the contract. */
    protected static MemoryFault bad(String message) {
        return new MemoryFault(MemoryFault.Kind.BAD_INPUT, null, message);
    }

    // ---- object geometry ----

    protected final Shape shapeAt(int addr) { return shapes.get(ObjectLayout.shape(w[addr])); }

    /** Tail length of the object at {@code addr}. */
    protected final int lengthAt(int addr) { return ObjectLayout.length(shapeAt(addr), ObjectLayout.size(w[addr])); }

    /** Number of reference slots of the object at {@code addr}. */
    public final int slotsAt(int addr) {
        long h = w[addr];
        return shapes.slotsOf(ObjectLayout.shape(h), ObjectLayout.size(h));
    }

    /** The heap address of slot {@code slot} of the object at {@code addr}, bounds-checked. */
    protected final int slotAddr(int addr, int slot) {
        slotAccesses++;
        if (CHECKED && (slot < 0 || slot >= slotsAt(addr))) throw slotOutOfRange(addr, slot);
        return addr + ObjectLayout.HEADER_WORDS + slot;
    }

    private MemoryFault slotOutOfRange(int addr, int slot) {
        return bad("slot " + slot + " is out of range for a " + shapeAt(addr).name() + " with " + slotsAt(addr) + " slots");
    }

    /** The heap address of data word {@code i} of the object at {@code addr}, bounds-checked. */
    protected final int dataAddr(int addr, int i) {
        int first = addr + ObjectLayout.HEADER_WORDS + slotsAt(addr);
        int n = addr + ObjectLayout.size(w[addr]) - first;
        if (CHECKED && (i < 0 || i >= n)) throw dataOutOfRange(addr, i, n);
        return first + i;
    }

    private MemoryFault dataOutOfRange(int addr, int i, int n) {
        return bad("data word " + i + " is out of range for a " + shapeAt(addr).name() + " with " + n + " data words");
    }

    /** The kind of slot {@code slot} of the object at {@code addr}. */
    protected final SlotKind slotKind(int addr, int slot) { return shapes.slotKind(ObjectLayout.shape(w[addr]), slot); }

    /** The handle kind a reference taken out of a slot of {@code kind} has. */
    protected static byte handleKindFor(SlotKind kind) {
        return switch (kind) {
            case OWNED -> Handles.OWN;
            case SHARED -> Handles.RC;
            case WEAK -> Handles.WEAK;
        };
    }

    // ---- data ----

    @Override
    public long read(int h, int i) {
        reads++;
        return w[dataAddr(access(h), i)];
    }

    @Override
    public void write(int h, int i, long value) {
        writes++;
        w[dataAddr(access(h), i)] = value;
    }

    @Override public int length(int h) { return lengthAt(access(h)); }

    // ---- references: a managed language's meaning ----

    @Override public int borrow(int h) { return handles.push(deref(h), Handles.BORROW); }

    @Override public int borrowMut(int h) { return handles.push(deref(h), Handles.BORROW_MUT); }

    @Override
    public int borrow(int h, int slot) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        return handles.push((int) w[sa], borrowKind(a, slot));
    }

    /** The kind of a borrow of slot {@code slot} of the object at {@code a}: weak from a weak slot. */
    private byte borrowKind(int a, int slot) {
        int shape = ObjectLayout.shape(w[a]);
        return shapes.hasWeakSlots(shape) && shapes.slotKind(shape, slot) == SlotKind.WEAK ? Handles.WEAK : Handles.BORROW;
    }

    /** One slot access: the child's address, and a borrow of it unless the slot is empty. */
    @Override
    public int child(int h, int slot) {
        int a = access(h);
        int c = (int) w[slotAddr(a, slot)];
        if (c == Heap.NULL) return Handles.NONE;
        return handles.push(c, borrowKind(a, slot));
    }

    @Override
    public boolean advance(int cursor, int slot) {
        int i = entry(cursor);
        int child = (int) w[slotAddr(access(cursor), slot)];
        handles.setAddr(i, child);
        return child != Heap.NULL;
    }

    /**
     * The slot-store barrier hook: called after every store of {@code value} (an address, or null)
     * into a slot of the object at {@code object} made by the managed-language {@code put} and by
     * {@code grow}'s copy. Default: nothing (no barrier); a generational collector remembers.
     */
    protected void slotStored(int object, int value) {}

    @Override public boolean isNull(int h, int slot) { return w[slotAddr(access(h), slot)] == Heap.NULL; }

    @Override public boolean isNull(int h) { return addressOf(h) == Heap.NULL; }

    @Override
    public int ret(int h) {
        long e = liveEntry(h);
        int i = Handles.indexOf(h);
        int d = handles.depth();
        if (!handles.inInnermostFrame(i)) throw bad("ret: the handle returned must belong to the scope being ended");
        int a = Handles.address(e);
        byte k = Handles.kind(e);
        String n = handles.name(i);
        handles.kill(i);
        closeScope(d);
        int r = handles.push(a, k);
        if (n != null) handles.name(handles.index(r), n);
        return r;
    }

    /**
     * {@code v.reserve(..)} as a managed language does it ({@code Arrays.copyOf}): a new block, the
     * contents copied, the variable re-pointed; the old block is garbage for whoever else holds it.
     */
    @Override
    public void grow(int h, int length) {
        int i = entry(h);
        int old = access(h);
        int fresh = newObject(ObjectLayout.shape(w[old]), length, ObjectLayout.flags(w[old]) & ObjectLayout.RC, handles.kind(i));
        old = handles.addr(i);
        copyContents(old, fresh);
        handles.setAddr(i, fresh);
        releaseGrown(old, fresh);
    }

    /** Copies slots and data words from {@code from} into the (fresh, larger or smaller) {@code to}. */
    protected final void copyContents(int from, int to) {
        int fs = slotsAt(from), ts = slotsAt(to);
        int n = Math.min(fs, ts);
        for (int s = 0; s < n; s++) initSlot(to, s, (int) w[from + ObjectLayout.HEADER_WORDS + s]);
        int fd = from + ObjectLayout.HEADER_WORDS + fs, td = to + ObjectLayout.HEADER_WORDS + ts;
        int dn = Math.min(from + heap.sizeOf(from) - fd, to + heap.sizeOf(to) - td);
        System.arraycopy(w, fd, w, td, dn);
    }

    /** Stores {@code value} into empty slot {@code slot} of a fresh object (grow's copy), through the barrier hook. */
    private void initSlot(int addr, int slot, int value) {
        w[addr + ObjectLayout.HEADER_WORDS + slot] = value;
        slotStored(addr, value);
    }

    /** What becomes of the old block after {@link #grow}: default, nothing (it is garbage). */
    protected void releaseGrown(int oldAddr, int newAddr) {}

    /**
     * {@code x.clone()}, as {@code #[derive(Clone)]} writes it: each {@code Box} child cloned, each
     * {@code Rc} shared, each {@code Weak} cloned, data words copied, all through the contract so
     * every manager counts it in its own way. Depth-first with an explicit stack, so a long list
     * clones without deep Java recursion.
     */
    @Override
    public int cloneDeep(int h) {
        try (Scope ignored = scope()) {
            int root = copyOf(borrow(h));
            int sp = 0;
            sp = pushClone(sp, borrow(h), root);
            while (sp > 0) {
                int src = cloneStack[sp - 3], dst = cloneStack[sp - 2], j = cloneStack[sp - 1];
                int n = slotsAt(deref(src));
                if (j < n) {
                    cloneStack[sp - 1] = j + 1;
                    if (isNull(src, j)) continue;
                    SlotKind kind = slotKind(deref(src), j);
                    int child = borrow(src, j);
                    switch (kind) {
                        case SHARED -> put(dst, j, share(child));
                        case WEAK -> put(dst, j, downgrade(child));
                        case OWNED -> sp = pushClone(sp, child, copyOf(child));
                    }
                    continue;
                }
                sp -= 3;
                if (sp > 0) put(cloneStack[sp - 2], cloneStack[sp - 1] - 1, dst);
            }
            return ret(root);
        }
    }

    private int pushClone(int sp, int src, int dst) {
        if (sp + 3 > cloneStack.length) cloneStack = Arrays.copyOf(cloneStack, cloneStack.length * 2);
        cloneStack[sp] = src;
        cloneStack[sp + 1] = dst;
        cloneStack[sp + 2] = 0;
        return sp + 3;
    }

    /** A new object with the shape, length and data words of the one {@code src} refers to. */
    private int copyOf(int src) {
        int a = deref(src);
        boolean rc = ObjectLayout.has(w[a], ObjectLayout.RC);
        int c = rc ? allocShared(ObjectLayout.shape(w[a]), lengthAt(a)) : alloc(ObjectLayout.shape(w[a]), lengthAt(a));
        int n = shapeAt(deref(src)).data(lengthAt(deref(src)));
        for (int i = 0; i < n; i++) write(c, i, read(src, i));
        return c;
    }

    // ---- naming ----

    @Override public void name(int h, String name) { handles.name(entry(h), name); }

    @Override public int id(int h) { return ObjectLayout.id(w, deref(h)); }

    @Override
    public int defineSite(String where) {
        if (sites.size() > ObjectLayout.MAX_SITE) return 0;
        int i = sites.indexOf(where);
        if (i > 0) return i;
        sites.add(where);
        return sites.size() - 1;
    }

    @Override public void site(int number) {
        if (number < 0 || number >= sites.size()) throw bad("no allocation site " + number);
        this.site = number;
    }

    /** The identity of the object at {@code addr}. */
    public final int idAt(int addr) { return ObjectLayout.id(w, addr); }

    /** Parses {@code [start, end)} block by block, calling {@code visitor} with each block not marked free. */
    protected final void parse(int start, int end, IntConsumer visitor) {
        for (int a = start; a < end; a += ObjectLayout.size(w[a]))
            if (!ObjectLayout.has(w[a], ObjectLayout.FREE)) visitor.accept(a);
    }

    /** The leak record of the object at {@code addr}. */
    protected final Leak leakAt(int addr) {
        return new Leak(idAt(addr), shapeAt(addr).name(), (long) heap.sizeOf(addr) * Long.BYTES,
                ObjectLayout.site(w[addr]) == 0 ? null : siteName(ObjectLayout.site(w[addr])));
    }
}
