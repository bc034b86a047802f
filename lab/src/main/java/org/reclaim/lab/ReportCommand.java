package org.reclaim.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.input.BadInput;
import org.reclaim.reports.ChartStyle;
import org.reclaim.reports.Report;
import org.reclaim.reports.ResultsFolder;
import org.reclaim.workloads.scenarios.view.ExplainView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab report DIR [--style lecture|default] [--managers a,b,c | --families]}: a results folder's charts and comparison report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draws the charts of a results folder into DIR/charts (PNG and SVG) and writes DIR/report.html"
                + " (self-contained) and DIR/report.md (for slides).",
                "Every campaign writes its report at its end; run this again to redraw it, e.g. for a projector."})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "a results folder (lab campaign FILE.yaml --out DIR)")
    Path dir;

    @Option(names = "--style", defaultValue = "default", paramLabel = "STYLE",
            description = "default, or lecture: larger type and thicker lines for a projector (default: ${DEFAULT-VALUE})")
    String style;

    @Option(names = "--managers", paramLabel = "A,B,C", split = ",",
            description = "only these managers' runs in the charts and tables (default: every manager of the folder)")
    List<String> managers = new ArrayList<>();

    @Option(names = "--families", description = "one series per family (C, C+sanitizer, tracing GC, reference counting, RC+cycles,"
            + " Rust; as lab explain --families): the family's first manager in the folder, its managers with the same"
            + " results in every cell merged into it, the others and those of no family left out; the report says which")
    boolean families;

    @Override
    public Integer call() {
        if (families && !managers.isEmpty()) throw new BadInput("give --managers or --families, not both");
        Report.Written w;
        if (families) {
            Selection s = byFamily(ResultsFolder.read(dir));
            w = Report.write(dir, ChartStyle.named(style), s.managers(), s.note());
            System.out.println("report: " + s.note());
        } else w = Report.write(dir, ChartStyle.named(style), managers);
        say(w, dir, System.out);
        return 0;
    }

    /** The managers a report by family shows, and the sentence that says how they were chosen. */
    record Selection(List<String> managers, String note) {}

    /**
     * One manager per family of {@link ExplainView.Family} (the families explain's columns use), in
     * the families' order: the family's first manager with a row in the folder. A manager of the same
     * family whose rows match it in every cell (status, checksum, objects and bytes allocated, freed
     * and leaked, errors, work counters: everything but times) is merged into it; one that differs,
     * and every manager of no family (epsilon, {@code jvm:*}), is left out.
     *
     * @throws IllegalArgumentException if no manager of the folder belongs to a family
     */
    static Selection byFamily(ResultsFolder folder) {
        List<String> present = folder.managers();
        List<String> chosen = new ArrayList<>(), said = new ArrayList<>();
        for (ExplainView.Family f : ExplainView.Family.values()) {
            List<String> members = f.managers.stream().filter(present::contains).toList();
            if (members.isEmpty()) continue;
            String first = members.getFirst();
            chosen.add(first);
            List<String> merged = new ArrayList<>(), left = new ArrayList<>();
            for (String m : members.subList(1, members.size()))
                (results(folder, m).equals(results(folder, first)) ? merged : left).add(m);
            said.add(f.title + " = " + first + (merged.isEmpty() ? "" : " (and " + String.join(", ", merged) + ": the same results in every cell)")
                    + (left.isEmpty() ? "" : " (left out: " + String.join(", ", left) + ")"));
        }
        List<String> none = present.stream().filter(m -> ExplainView.family(m) == null).toList();
        if (chosen.isEmpty())
            throw new IllegalArgumentException("--families: no manager of " + folder.dir() + " belongs to a family (its managers: "
                    + String.join(", ", present) + "); use --managers");
        return new Selection(chosen, "One series per family: " + String.join("; ", said) + "."
                + (none.isEmpty() ? "" : " In no family, left out: " + String.join(", ", none) + "."));
    }

    /** What manager {@code m} did in each cell, times left out: what two managers must share to be merged. */
    private static Map<List<Object>, List<Object>> results(ResultsFolder folder, String m) {
        Map<List<Object>, List<Object>> byCell = new HashMap<>();
        for (ResultRow r : folder.rows()) {
            if (!r.key().manager().equals(m)) continue;
            CellKey k = r.key();
            byCell.put(List.of(k.workload(), k.size(), k.params(), k.heap(), k.seed(), k.repetition()),
                    List.of(r.status(), r.checksum(), r.objectsAllocated(), r.bytesAllocated(), r.objectsFreed(), r.bytesFreed(),
                            r.leakedObjects(), r.leakedBytes(), r.errors(), r.errorKinds(), r.counters()));
        }
        return byCell;
    }

    /**
     * Writes the report of the results folder {@code dir} and says on {@code out} where it is.
     *
     * @throws IllegalArgumentException if {@code dir} holds no results
     */
    public static Report.Written report(Path dir, ChartStyle style, PrintStream out) {
        Report.Written w = Report.write(dir, style);
        say(w, dir, out);
        return w;
    }

    private static void say(Report.Written w, Path dir, PrintStream out) {
        List<String> skipped = ResultsCsv.readChecked(dir.resolve(ResultsCsv.FILE_NAME)).skipped();
        if (!skipped.isEmpty())
            out.println("report: left out " + skipped.size() + " rows of " + ResultsCsv.FILE_NAME + " that do not read (the first: "
                    + skipped.getFirst() + ")");
        out.println("report: " + w.html().toAbsolutePath().normalize() + " (Markdown: " + w.markdown().getFileName()
                + ", " + w.charts().size() + " chart files in " + dir.resolve(Report.CHARTS) + ")");
    }
}
