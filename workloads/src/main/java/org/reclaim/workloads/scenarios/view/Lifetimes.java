package org.reclaim.workloads.scenarios.view;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.oracle.LifetimeOracle;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.scenarios.Explainer;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * Each object's life under one manager, in source rows: where it was allocated, last used, found
 * unreachable and freed, and the rows in between where it was still reachable but never used
 * again (its <em>drag</em>, the seeds' "we didn't quite deallocate {@code orders} as soon as we
 * could have"). Read from the lifetime oracle's operation clock, with a tick and a reachability
 * walk at every source line.
 *
 * <p>The last use extends to the last time its line runs before the object dies: a loop's
 * {@code for} line uses the Vec until the loop ends, even on the turn that finds it exhausted.
 * A C-only line ({@code dealloc(orders)}) is in no program but C's, so it is nobody else's drag.
 *
 * @param manager the manager
 * @param family  its family ({@link Managers.Info#family()})
 * @param objects one entry per object, by allocation number
 * @param errorRow the row where a memory or ownership error stopped the run, or -1
 * @param exitRow  the row of the exit (one past the last source line)
 */
public record Lifetimes(String manager, String family, List<Life> objects, int errorRow, int exitRow) {

    /**
     * One object's rows (indices into the scenario's lines; {@code exitRow} for the exit).
     *
     * @param id          its allocation number ({@code #id} in the table)
     * @param allocated   the row that allocated it
     * @param lastUse     the row of its last use
     * @param unreachable the row during which it became unreachable, or -1 if it never did before the run ended
     * @param freed       the row that freed it, or -1 if nothing did
     * @param leaked      whether the manager reported it leaked at exit
     * @param drag        the rows, in the order they ran, where it was reachable and never used again
     */
    public record Life(int id, int allocated, int lastUse, int unreachable, int freed, boolean leaked, List<Integer> drag) {}

    public Lifetimes {
        objects = List.copyOf(objects);
    }

    /** The object {@code id}, or null. */
    public Life object(int id) {
        return objects.stream().filter(o -> o.id() == id).findFirst().orElse(null);
    }

    /** Runs {@code scenario} under {@code manager} with the lifetime oracle on and reads each object's rows. */
    public static Lifetimes of(Scenario scenario, Managers.Info manager) {
        MemoryManager m = manager.factory().create(Explainer.HEAP_BYTES, Probe.OFF);
        // No walks on the allocation clock: a walk at every line is exact, and a scenario allocates little.
        m.recordLifetimes(new LifetimeOracle(Long.MAX_VALUE / 4));
        List<Integer> rows = new ArrayList<>();
        List<Long> clocks = new ArrayList<>();
        int exit = scenario.lines().size();
        int error = -1;
        try {
            scenario.play(m, line -> {
                m.step();
                rows.add(line);
                clocks.add(m.oracle().opClock());
            });
            m.step();
            rows.add(exit);
            clocks.add(m.oracle().opClock());
            m.finish();
        } catch (MemoryFault | OutOfMemory e) {
            error = rows.isEmpty() ? 0 : rows.getLast();
        }
        BitSet leaked = new BitSet();
        if (error < 0) for (Leak l : m.leaks()) leaked.set(l.id());
        LifetimeOracle o = m.oracle();
        boolean c = manager.family().equals("manual");
        List<Life> objects = new ArrayList<>();
        for (int id = 1; id <= o.maxId(); id++) {
            LifetimeOracle.Lifetime l = o.onOperationClock(id);
            int allocStep = stepAt(clocks, l.allocated());
            int freedStep = l.freed() == LifetimeOracle.NEVER ? -1 : stepAt(clocks, l.freed());
            // A walk at a line's start finds what the line before it let go.
            int unreachStep = l.unreachable() == LifetimeOracle.NEVER ? -1 : Math.max(allocStep, stepAt(clocks, l.unreachable()) - 1);
            int end = freedStep >= 0 && (unreachStep < 0 || freedStep <= unreachStep) ? freedStep : unreachStep;
            // After an error the program is over: nothing is drag any more.
            int stop = Math.min(end >= 0 ? end : rows.size(), error >= 0 ? rows.size() - 1 : rows.size());
            int lastUseStep = Math.min(stepAt(clocks, l.lastUse() - 1), stop);
            for (int k = lastUseStep + 1; k < stop; k++) if (rows.get(k).equals(rows.get(lastUseStep))) lastUseStep = k;
            Set<Integer> drag = new LinkedHashSet<>();
            for (int k = lastUseStep + 1; k < stop; k++) {
                int row = rows.get(k);
                if (row == exit || (!c && scenario.lines().get(row).cOnly())) continue;
                drag.add(row);
            }
            objects.add(new Life(id, row(rows, allocStep), row(rows, lastUseStep), row(rows, unreachStep), row(rows, freedStep),
                    leaked.get(id), List.copyOf(drag)));
        }
        return new Lifetimes(manager.name(), manager.family(), objects, error, exit);
    }

    /** The index of the last step that began at or before operation-clock time {@code t}. */
    private static int stepAt(List<Long> clocks, long t) {
        int k = 0;
        for (int i = 0; i < clocks.size(); i++) if (clocks.get(i) <= t) k = i;
        return k;
    }

    private static int row(List<Integer> rows, int step) {
        return step < 0 || rows.isEmpty() ? -1 : rows.get(Math.min(step, rows.size() - 1));
    }
}
