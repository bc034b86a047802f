package org.reclaim.runtime.catalog;

import java.util.List;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.NearestNames;
import org.reclaim.runtime.epsilon.Epsilon;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.ownership.CheckedOwnership;
import org.reclaim.runtime.ownership.Ownership;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.runtime.refcount.DeferredRefCounting;
import org.reclaim.runtime.refcount.NaiveRefCounting;
import org.reclaim.runtime.tracing.Generational;
import org.reclaim.runtime.tracing.MarkCompact;
import org.reclaim.runtime.tracing.MarkSweep;
import org.reclaim.runtime.tracing.SemiSpace;
import org.reclaim.runtime.tracing.immix.Immix;

/**
 * The simulated memory managers the lab knows, by the names {@code lab list} prints and
 * {@code --manager} takes. (The real JVM's collectors, {@code jvm:*}, are run by the lab in a
 * forked JVM and are not here.)
 */
public final class Managers {
    private Managers() {}

    /** Makes a manager for one run. */
    @FunctionalInterface
    public interface Factory {
        MemoryManager create(long heapBytes, Probe probe);
    }

    /**
     * One manager, variant included.
     *
     * @param name        what {@code --manager} takes
     * @param family      epsilon, manual, tracing, refcount or ownership
     * @param description one line for {@code lab list}
     * @param factory     makes it
     */
    public record Info(String name, String family, String description, Factory factory) {}

    /** Cycle candidates buffered before the refcount cycle collector runs. */
    private static final int CYCLE_THRESHOLD = 10_000;

    private static final List<Info> ALL = List.of(
            new Info("epsilon", "epsilon", "bump allocation, never frees (the mutator-only baseline, JEP 318)",
                    (heap, probe) -> new Epsilon(heap, probe)),
            new Info("manual", "manual", "malloc/free on the free-list allocator; use after free goes undetected",
                    (heap, probe) -> new Manual(heap, probe, false)),
            new Info("manual+sanitize", "manual", "manual, with a quarantine and an AddressSanitizer-style check on every access",
                    (heap, probe) -> new Manual(heap, probe, true)),
            new Info("mark-sweep", "tracing", "non-moving mark-sweep: free-list allocation, eager sweep",
                    (heap, probe) -> new MarkSweep(heap, probe)),
            new Info("mark-compact", "tracing", "sliding mark-compact (LISP2): bump allocation, live objects slid to the heap's start",
                    (heap, probe) -> new MarkCompact(heap, probe)),
            new Info("semispace", "tracing", "Cheney copying between two halves of the heap (the heap size is both halves)",
                    (heap, probe) -> new SemiSpace(heap, probe)),
            new Info("generational", "tracing", "Appel-style nursery (half the free space) promoting into a mature space; full collections compact both (LISP2) once it fills; remembering write barrier",
                    (heap, probe) -> new Generational(heap, probe)),
            new Info("immix", "tracing", "mark-region (Blackburn & McKinley 2008): bump allocation into free lines of blocks, opportunistic evacuation",
                    (heap, probe) -> new Immix(heap, probe)),
            new Info("refcount", "refcount", "naive reference counting: every copy and overwrite of a reference counts, on the stack (handles) and in the heap",
                    (heap, probe) -> new NaiveRefCounting(heap, probe, false, 0)),
            new Info("refcount-deferred", "refcount", "deferred counting (Deutsch-Bobrow): handles not counted, zero-count table reconciled",
                    (heap, probe) -> new DeferredRefCounting(heap, probe, DeferredRefCounting.DEFAULT_RECONCILE_EVERY, 0)),
            new Info("refcount+cycles", "refcount", "naive counting with synchronous trial deletion (Bacon & Rajan 2001)",
                    (heap, probe) -> new NaiveRefCounting(heap, probe, false, CYCLE_THRESHOLD)),
            new Info("refcount-deferred+cycles", "refcount", "deferred counting with synchronous trial deletion",
                    (heap, probe) -> new DeferredRefCounting(heap, probe, DeferredRefCounting.DEFAULT_RECONCILE_EVERY, CYCLE_THRESHOLD)),
            new Info("refcount-atomic", "refcount", "naive counting with atomic count updates (what Arc pays)",
                    (heap, probe) -> new NaiveRefCounting(heap, probe, true, 0)),
            new Info("ownership", "ownership", "Rust: scope-based drops, moves, borrows, Rc/Weak; the borrow checker's errors raised at run time",
                    (heap, probe) -> new CheckedOwnership(heap, probe)),
            new Info("ownership-trusted", "ownership", "Rust as compiled: drops and moves with no checks (what the program pays at run time)",
                    (heap, probe) -> new Ownership(heap, probe))
    );

    /** Every simulated manager, in the order {@code lab list} prints them. */
    public static List<Info> all() { return ALL; }

    /** Every name. */
    public static List<String> names() { return ALL.stream().map(Info::name).toList(); }

    /**
     * The manager named {@code name}.
     *
     * @throws IllegalArgumentException naming the nearest valid names if there is none
     */
    public static Info find(String name) {
        for (Info i : ALL) if (i.name().equals(name)) return i;
        throw new IllegalArgumentException(NearestNames.unknown("manager", name, names()));
    }
}
