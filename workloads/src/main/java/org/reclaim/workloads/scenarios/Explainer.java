package org.reclaim.workloads.scenarios;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.reclaim.runtime.ForcedCollection;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.rust.Diagnostic;

/**
 * Runs a scenario under every manager of {@link Managers#all()} and records, line by line, what
 * each did: allocations (allocation numbers), frees (from the manager's free listener, attributed
 * to the pause they happened in), collections, errors, reads of freed data, leaks at exit.
 * A program rustc rejects ({@link Scenario#compileErrors()}) is not run under the ownership
 * managers: as in Rust, it never runs; their cells show the compile-time errors instead.
 */
public final class Explainer {
    /** The simulated heap each scenario runs in: far more than any scenario needs. */
    public static final long HEAP_BYTES = 1L << 20;

    private Explainer() {}

    /**
     * Explains {@code scenario}.
     *
     * @param collectEveryLine force a full collection after every line in managers that can
     *                         ({@link ForcedCollection}), so their free points are the earliest possible
     */
    public static Explanation explain(Scenario scenario, boolean collectEveryLine) {
        return explain(scenario, collectEveryLine, Managers.all());
    }

    /** Explains {@code scenario} under {@code managers} only, in that column order. */
    public static Explanation explain(Scenario scenario, boolean collectEveryLine, List<Managers.Info> managers) {
        int rows = scenario.lines().size() + 1;
        List<List<List<Event>>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) cells.add(new ArrayList<>());
        List<String> names = new ArrayList<>(), forced = new ArrayList<>();
        for (Managers.Info info : managers) {
            Recording rec = new Recording(rows, collectEveryLine);
            if (info.family().equals("ownership") && !scenario.compileErrors().isEmpty()) rec.rejected(scenario, info.name());
            else {
                MemoryManager m = info.factory().create(HEAP_BYTES, rec);
                rec.play(scenario, m, info.family());
                if (collectEveryLine && m instanceof ForcedCollection) forced.add(info.name());
            }
            names.add(info.name());
            for (int r = 0; r < rows; r++) cells.get(r).add(rec.rows.get(r));
        }
        return new Explanation(scenario.name(), scenario.description(), scenario.lines(), names, cells,
                collectEveryLine, forced);
    }

    /** One manager's run: the probe it records through, and the events of each row. */
    private static final class Recording implements Probe, WatchedMutator.Watcher {
        final List<List<Event>> rows = new ArrayList<>();
        private final boolean collectEveryLine;
        private final BitSet freed = new BitSet();
        private final List<Integer> pendingIds = new ArrayList<>();
        private final List<Long> pendingTimes = new ArrayList<>();
        /** Every pause: start, end, and the event type its frees get. */
        private final List<long[]> pauses = new ArrayList<>();
        private MemoryManager m;
        private int row;
        private long allocatedSeen;
        // a collection we asked for (each line's, or the exit's): shown only if it frees something
        private boolean forcing;

        Recording(int rows, boolean collectEveryLine) {
            for (int r = 0; r < rows; r++) this.rows.add(new ArrayList<>());
            this.collectEveryLine = collectEveryLine;
        }

        /**
         * The program does not compile: under Rust it never runs. Checked ownership shows rustc's
         * errors on their lines; trusted ownership (no checks of its own) says it ran nothing.
         */
        void rejected(Scenario scenario, String manager) {
            List<Diagnostic> errors = scenario.compileErrors();
            if (manager.equals("ownership-trusted")) {
                Diagnostic first = errors.get(0);
                rows.get(first.line() - 1).add(new Event(Event.Type.REJECTED, List.of(), List.of(), first.code(),
                        "not compiled: rustc rejects the program (" + first + "), and trusted ownership runs only what the checker accepted",
                        first.variable()));
                return;
            }
            for (Diagnostic d : errors)
                rows.get(d.line() - 1).add(new Event(Event.Type.ERROR, List.of(), List.of(), d.code(),
                        "rustc, at compile time: error[" + d.code() + "] at line " + d.line() + ":" + d.column() + ": " + d.message(), d.variable()));
        }

        void play(Scenario scenario, MemoryManager manager, String family) {
            m = manager;
            m.onFree(id -> {
                freed.set(id);
                pendingIds.add(id);
                pendingTimes.add(System.nanoTime());
            });
            try {
                scenario.play(new WatchedMutator(m, this), this::at, family);
                endLine();
                row = rows.size() - 1;
                forcing = true;
                m.finish();
                forcing = false;
                flush();
                List<Integer> leaked = m.leaks().stream().map(Leak::id).sorted().toList();
                if (!leaked.isEmpty()) add(new Event(Event.Type.LEAK, leaked, List.of(), null, null));
            } catch (MemoryFault e) {
                allocated();
                freesBefore(e.raisedAt(), Event.Type.FREE);
                pendingIds.clear();          // frees while the scopes unwound after the error: not the program's
                pendingTimes.clear();
                add(Event.error(e.code() != null ? e.code() : shortName(e.kind()), e.getMessage()));
            } catch (OutOfMemory e) {
                flush();
                add(Event.error("out of memory", e.getMessage()));
            }
        }

        private static String shortName(MemoryFault.Kind kind) {
            return switch (kind) {
                case DOUBLE_FREE -> "double free";
                case USE_AFTER_FREE -> "use after free";
                case NULL_DEREFERENCE -> "null reference";
                case OWNERSHIP -> "ownership";
                case BAD_INPUT -> "bad input";
            };
        }

        private void at(int line) {
            endLine();
            row = line;
            freesApart = true;
        }

        /** Set when the program comes (back) to a line: frees after it are another pass's, not merged with earlier ones. */
        private boolean freesApart;

        /** The current line is over: a forced collection if asked, then what is still pending. */
        private void endLine() {
            if (collectEveryLine && m instanceof ForcedCollection fc) {
                flush();
                forcing = true;
                fc.collect();
                forcing = false;
            }
            flush();
        }

        private void flush() {
            allocated();
            freesBefore(Long.MAX_VALUE, Event.Type.FREE);
        }

        private void add(Event e) {
            List<Event> cell = rows.get(row);
            boolean isFree = e.type() == Event.Type.FREE || e.type() == Event.Type.GC_FREE || e.type() == Event.Type.CYCLE_FREE;
            boolean apart = isFree && freesApart;
            if (isFree) freesApart = false;
            if (!cell.isEmpty() && !apart) {
                Event merged = cell.get(cell.size() - 1).merge(e);
                if (merged != null) {
                    cell.set(cell.size() - 1, merged);
                    return;
                }
            }
            cell.add(e);
        }

        /**
         * Pending frees that happened up to {@code time} become events: of the kind of the pause
         * they happened in (a collection's, a cycle collection's), else of {@code type}.
         */
        private int freesBefore(long time, Event.Type type) {
            int n = 0;
            while (n < pendingIds.size() && pendingTimes.get(n) <= time) n++;
            for (int i = 0; i < n; i++) add(Event.of(pauseTypeAt(pendingTimes.get(i), type), pendingIds.get(i)));
            pendingIds.subList(0, n).clear();
            pendingTimes.subList(0, n).clear();
            return n;
        }

        private Event.Type pauseTypeAt(long t, Event.Type otherwise) {
            for (int i = pauses.size() - 1; i >= 0; i--) {
                long[] p = pauses.get(i);
                if (p[0] <= t && t <= p[1]) return Event.Type.values()[(int) p[2]];
            }
            return otherwise;
        }

        // ---- the watcher ----

        @Override
        public void allocated() {
            long now = m.objectsAllocated();
            if (now == allocatedSeen) return;
            freesBefore(Long.MAX_VALUE, Event.Type.FREE);
            for (long id = allocatedSeen + 1; id <= now; id++) add(Event.of(Event.Type.ALLOC, (int) id));
            allocatedSeen = now;
        }

        @Override public boolean freed(int id) { return freed.get(id); }

        @Override
        public void readAfterFree(int id, long value) {
            flush();
            add(new Event(Event.Type.READ_AFTER_FREE, List.of(id), List.of(value), null, null));
        }

        // ---- the probe ----

        @Override
        public void pause(PauseKind kind, long startNanos, long endNanos, long objects, long words,
                          long inUseBefore, long inUseAfter) {
            Event.Type type = switch (kind) {
                case COLLECTION, MINOR, FULL -> Event.Type.GC_FREE;
                case CYCLE_COLLECTION -> Event.Type.CYCLE_FREE;
                default -> Event.Type.FREE;
            };
            pauses.add(new long[] {startNanos, endNanos, type.ordinal()});
            boolean freedSome = pendingTimes.stream().anyMatch(t -> startNanos <= t && t <= endNanos);
            if (!freedSome && type == Event.Type.GC_FREE && !forcing)
                add(new Event(Event.Type.COLLECTION, List.of(), List.of(), null, null));
        }

        @Override public void footprint(long allocatedBytes, long inUseBytes) {}

        @Override public long sampleEveryBytes() { return Long.MAX_VALUE; }
    }
}
