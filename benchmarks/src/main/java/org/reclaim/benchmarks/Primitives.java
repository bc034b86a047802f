package org.reclaim.benchmarks;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.alloc.BumpAllocator;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;

/**
 * The mutator contract's primitives under each simulated manager, each in a steady state: every
 * operation returns the heap and the handle stack to where they were, so an iteration can run for
 * as long as JMH likes and the figure per operation is the manager's cost, collections amortised.
 * Each operation opens and closes one scope (the handles it makes die there); {@link #scopeEnd}
 * measures that frame alone, to subtract.
 *
 * <p>A parent {@code Node} with a child in its left slot lives through the trial in an outer scope.
 * The probe is {@link Probe#OFF} by default, so the figures are the manager's alone;
 * {@code -p probe=recorder} runs with the lab's {@link PauseRecorder} instead (which keeps a
 * timeline entry for every pause: a manager that records a pause per free allocates on the host
 * as it runs).
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the host allocation per operation,
 * which must be 0 in a steady state.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public class Primitives {
    /** Simulated heap: room for about two million free nodes between collections. */
    static final long HEAP_BYTES = 64L << 20;
    /** Epsilon's region is rewound when fewer words than this remain. */
    private static final int REWIND_MARGIN = 1024;
    private static final int LEFT = 0;

    /**
     * The simulated manager. The default list is what {@code Managers.names()} held when this was
     * written; {@code scripts/bench} passes the build's current list with {@code -p manager=...}.
     */
    @Param({"epsilon", "manual", "manual+sanitize"})
    public String manager;

    /** {@code off}: {@link Probe#OFF}; {@code recorder}: a {@link PauseRecorder}, as the lab runs. */
    @Param({"off"})
    public String probe;

    private MemoryManager m;
    private int node;
    private Scope outer;
    private int parent;

    // epsilon only: its bump region, and where to rewind it to (just past the parent and child)
    private BumpAllocator region;
    private int regionStart;

    @Setup(Level.Trial)
    public void setUp() {
        Managers.Info info = Managers.find(manager);
        m = info.factory().create(HEAP_BYTES, switch (probe) {
            case "off" -> Probe.OFF;
            case "recorder" -> new PauseRecorder(HEAP_BYTES / 64);
            default -> throw new IllegalArgumentException("probe must be off or recorder, not " + probe);
        });
        node = m.shapes().define("Node", 0, SlotKind.OWNED, SlotKind.OWNED);
        outer = m.scope();
        parent = m.alloc(node, 0);
        m.put(parent, LEFT, m.alloc(node, 0));
        if (info.family().equals("epsilon")) {
            region = bumpRegion(m);
            regionStart = region.cursor();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() { outer.close(); }

    /**
     * Epsilon never frees, so an alloc-and-drop loop would fill any heap: between operations, when
     * the region is nearly full, the benchmark rewinds it, as a fresh run would start. Nothing is
     * live there (every handle made by the loop is dead by then). Reflection, since Epsilon has no
     * reset: the benchmark's business, not the manager's.
     */
    private static BumpAllocator bumpRegion(MemoryManager m) {
        for (Field f : m.getClass().getDeclaredFields()) {
            if (f.getType() == BumpAllocator.class) {
                f.setAccessible(true);
                try {
                    return (BumpAllocator) f.get(m);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot reach " + m.name() + "'s bump region", e);
                }
            }
        }
        throw new IllegalStateException(m.name() + " has no BumpAllocator field: update Primitives.bumpRegion");
    }

    /** Opens and closes an empty scope: the frame every other operation here pays too. */
    @Benchmark
    public void scopeEnd() { m.scope().close(); }

    /** {@code let c = p.left.as_ref()}: a borrow of a child, ended by the scope. */
    @Benchmark
    public int borrow() {
        try (Scope s = m.scope()) {
            return m.borrow(parent, LEFT);
        }
    }

    /**
     * {@code let c = p.left.take(); p.left = c;}: take out of a slot and put back (with the
     * manager's write barrier or count on the put).
     */
    @Benchmark
    public void takePut() {
        try (Scope s = m.scope()) {
            int c = m.take(parent, LEFT);
            m.put(parent, LEFT, c);
        }
    }

    /**
     * {@code let x = Box::new(Node); drop(x);}: allocation (with any collection it triggers,
     * amortised) and release.
     */
    @Benchmark
    public void allocDrop() {
        if (region != null && region.limit() - region.cursor() < REWIND_MARGIN) region.reset(regionStart, region.limit());
        try (Scope s = m.scope()) {
            m.drop(m.alloc(node, 0));
        }
    }

    /**
     * {@code p.left = Some(Box::new(Node))} then {@code drop(p.left.take())}: allocation, a put
     * into the parent's slot, a take out of it, and the drop of the taken value.
     */
    @Benchmark
    public void allocPutTakeDrop() {
        if (region != null && region.limit() - region.cursor() < REWIND_MARGIN) region.reset(regionStart, region.limit());
        try (Scope s = m.scope()) {
            int old = m.take(parent, LEFT);
            m.put(parent, LEFT, m.alloc(node, 0));
            m.drop(m.take(parent, LEFT));
            m.put(parent, LEFT, old);
        }
    }
}
