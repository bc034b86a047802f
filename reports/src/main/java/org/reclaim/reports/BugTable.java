package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.reclaim.analysis.results.ResultRow;

/**
 * The bug table: per manager, over every run of the campaign, the runs that leaked and the memory
 * errors caught by kind (the {@code error_kinds} column: {@code double_free}, {@code use_after_free},
 * {@code ownership:E0382}, {@code null_dereference}). A manager that lets a bug through shows a
 * leak or a zero where another shows a catch.
 */
final class BugTable {
    private BugTable() {}

    /** The error kinds the table counts, as {@code error_kinds} names them, and their column titles. */
    static final List<String> KINDS = List.of("double_free", "use_after_free", "ownership", "null_dereference");
    static final List<String> KIND_TITLES = List.of("double frees caught", "uses after free caught",
            "ownership errors caught", "null dereferences");

    /**
     * One manager's line.
     *
     * @param manager     manager name
     * @param runs        runs with a row (any status)
     * @param leakingRuns runs that ended with leaked objects
     * @param leakedBytes the most bytes one run leaked
     * @param leakedIn    the benchmarks whose runs leaked
     * @param caught      errors caught, one count per {@link #KINDS} entry
     */
    record Line(String manager, int runs, int leakingRuns, long leakedBytes, List<String> leakedIn, List<Long> caught) {}

    static List<Line> lines(ResultsFolder folder) {
        List<Line> lines = new ArrayList<>();
        for (String m : folder.managers()) {
            List<ResultRow> rows = folder.rows().stream().filter(r -> r.key().manager().equals(m)).toList();
            Set<String> leakedIn = new LinkedHashSet<>();
            int leaking = 0;
            long leakedBytes = 0;
            long[] caught = new long[KINDS.size()];
            for (ResultRow r : rows) {
                if (r.leakedObjects() > 0) {
                    leaking++;
                    leakedBytes = Math.max(leakedBytes, r.leakedBytes());
                    leakedIn.add(Benchmark.of(r.key()).label());
                }
                if (r.errorKinds().isEmpty()) continue;
                for (String e : r.errorKinds().split(";")) {
                    int i = KINDS.indexOf(e.split(":", 2)[0].toLowerCase(Locale.ROOT));
                    if (i >= 0) caught[i]++;
                }
            }
            lines.add(new Line(m, rows.size(), leaking, leakedBytes, List.copyOf(leakedIn),
                    java.util.Arrays.stream(caught).boxed().toList()));
        }
        return lines;
    }

    static Figure figure(ResultsFolder folder) {
        List<Line> lines = lines(folder);
        List<String> managers = lines.stream().map(Line::manager).toList();
        double[] x = new double[managers.size()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        List<Figure.Series> series = new ArrayList<>();
        series.add(new Figure.Series("runs that leaked", "runs that leaked", x,
                lines.stream().mapToDouble(Line::leakingRuns).toArray(), Figure.Role.BAR));
        for (int k = 0; k < KINDS.size(); k++) {
            int kind = k;
            series.add(new Figure.Series(KIND_TITLES.get(k), KIND_TITLES.get(k), x.clone(),
                    lines.stream().mapToDouble(l -> l.caught().get(kind)).toArray(), Figure.Role.BAR));
        }
        return new Figure("bugs", "Memory bugs: leaks and errors caught, per manager", "manager", "runs / errors (count)",
                Figure.Kind.BARS, false, false, managers, series, reading(lines), "");
    }

    /** What leaked and what was caught, in words. */
    static String reading(List<Line> lines) {
        List<String> parts = new ArrayList<>();
        for (Line l : lines) {
            if (l.leakingRuns() > 0)
                parts.add(l.manager() + " leaked in " + l.leakingRuns() + " of " + l.runs() + " runs (up to "
                        + Quantities.bytes(l.leakedBytes()) + " in one run; " + String.join(", ", l.leakedIn()) + ")");
            List<String> caught = new ArrayList<>();
            for (int k = 0; k < KINDS.size(); k++)
                if (l.caught().get(k) > 0) caught.add(l.caught().get(k) + " " + KIND_TITLES.get(k).replace(" caught", ""));
            if (!caught.isEmpty()) parts.add(l.manager() + " caught " + String.join(", ", caught));
        }
        if (lines.stream().noneMatch(l -> l.leakingRuns() > 0)) parts.addFirst("nothing leaked");
        if (lines.stream().allMatch(l -> l.caught().stream().allMatch(c -> c == 0))) parts.add("no manager caught a memory error");
        String s = String.join("; ", parts) + ".";
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
