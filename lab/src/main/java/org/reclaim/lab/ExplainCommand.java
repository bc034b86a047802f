package org.reclaim.lab;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reclaim.lab.input.BadInput;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.scenarios.Event;
import org.reclaim.workloads.scenarios.Explanation;
import org.reclaim.workloads.scenarios.ExplanationJson;
import org.reclaim.workloads.scenarios.Listing;
import org.reclaim.workloads.scenarios.RustScenario;
import org.reclaim.workloads.scenarios.RustcVerdict;
import org.reclaim.workloads.scenarios.Scenario;
import org.reclaim.workloads.scenarios.view.ExplainView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab explain}: where each manager allocates, frees and fails, line by line of a seed scenario or a Rust file. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Runs a seed scenario, or a Rust file in the lab's subset (docs/rust-subset.md), under every",
                "memory manager and prints one table: a row per source line, a column per manager (or per family),",
                "each cell what happened there, with each object's last use and the lines where it is held but never",
                "used again (its drag). A program rustc rejects is shown rejected at compile time under ownership;",
                "the C, GC and RC columns still run it. Exit status: 0, or 1 if --check-with-rustc found a",
                "difference, or 2 for bad input (a construct outside the subset: FILE:LINE:COL)."})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<scenario|FILE.rs>", description = "scenario name (see `lab list`) or a .rs file")
    String scenario;

    @Option(names = "--format", defaultValue = "text", description = "text, md or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--collect-every-line", description = "force a full collection after every line in collectors that support it")
    boolean collectEveryLine;

    @Option(names = "--check-with-rustc", description = "also compile the program (C-only lines removed) with the rustc on the PATH and report where its verdict differs from the lab's checker")
    boolean checkWithRustc;

    @Option(names = "--managers", paramLabel = "A,B,C", description = "only these managers' columns, in this order")
    String managers;

    @Option(names = "--families", description = "one column per family (C, C+sanitizer, tracing GC, reference counting, "
            + "RC+cycles, Rust), merging the family's columns where their cells are identical")
    boolean families;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("md") && !format.equals("json"))
            throw new BadInput("unknown format '" + format + "'; valid formats: text, md, json");
        Scenario s = scenario.endsWith(".rs") || Files.isRegularFile(Path.of(scenario))
                ? readRust(Path.of(scenario)) : Workloads.scenario(scenario);
        ExplainView.View v = ExplainView.explain(s, collectEveryLine, ExplainView.managers(managers, families), families);
        Explanation e = v.explanation();
        System.out.print(switch (format) {
            case "md" -> markdown(e);
            case "json" -> ExplanationJson.of(e);
            default -> text(e);
        });
        // after JSON, notes go to stderr, so stdout stays one JSON document
        PrintStream notes = format.equals("json") ? System.err : System.out;
        if (!v.columnsNote().isEmpty()) notes.println(format.equals("md") ? md(v.columnsNote(), false) : v.columnsNote());
        if (!checkWithRustc) return 0;
        RustcVerdict.Comparison c = RustcVerdict.compare(s);
        notes.print(c.report());
        return c.agrees() ? 0 : 1;
    }

    private static Scenario readRust(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInput("no such file: " + file);
        return RustScenario.read(file);
    }

    /** The table as Markdown, for slides: the caption, the table, the errors' messages below it. */
    static String markdown(Explanation e) {
        Notes notes = new Notes();
        StringBuilder sb = new StringBuilder();
        sb.append(e.caption()).append("\n\n");
        sb.append("| # | source |");
        e.managers().forEach(m -> sb.append(' ').append(m).append(" |"));
        sb.append("\n|---:|---|");
        e.managers().forEach(m -> sb.append("---|"));
        sb.append('\n');
        for (int row = 0; row <= e.exitRow(); row++) {
            sb.append("| ").append(row < e.exitRow() ? Integer.toString(row + 1) : "").append(" | ")
                    .append(row < e.exitRow() ? md(source(e, row), true) : "(exit)").append(" |");
            for (String m : e.managers()) sb.append(' ').append(md(notes.cell(e, row, m), false)).append(" |");
            sb.append('\n');
        }
        sb.append('\n');
        notes.lines().forEach(n -> sb.append("- ").append(md(n, false)).append('\n'));
        return sb.toString();
    }

    private static String md(String text, boolean code) {
        if (text.isEmpty()) return "";
        String t = text.replace("|", "\\|");
        return code ? "`" + t + "`" : t;
    }

    /** The table as plain text: fixed-width columns, the caption above and the errors' messages below. */
    static String text(Explanation e) {
        Notes notes = new Notes();
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("#", "source"));
        head.addAll(e.managers());
        rows.add(head.toArray(String[]::new));
        for (int row = 0; row <= e.exitRow(); row++) {
            List<String> r = new ArrayList<>();
            r.add(row < e.exitRow() ? Integer.toString(row + 1) : "");
            r.add(source(e, row));
            for (String m : e.managers()) r.add(notes.cell(e, row, m));
            rows.add(r.toArray(String[]::new));
        }
        int[] width = new int[head.size()];
        for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder(e.caption()).append("\n\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++)
                line.append(String.format(Locale.ROOT, c == 0 ? "%" + width[c] + "s" : "%-" + width[c] + "s", r[c])).append("  ");
            sb.append(line.toString().stripTrailing()).append('\n');
            if (i == 0) sb.append("-".repeat(line.toString().stripTrailing().length())).append('\n');
        }
        sb.append('\n');
        notes.lines().forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }

    private static String source(Explanation e, int row) {
        if (row == e.exitRow()) return "(exit)";
        Listing.Line l = e.lines().get(row);
        return l.cOnly() ? l.text() + " // C only" : l.text();
    }

    /** Errors' full messages, numbered in the order the cells cite them. */
    private static final class Notes {
        private final List<String> lines = new ArrayList<>();

        String cell(Explanation e, int row, String manager) {
            List<String> parts = new ArrayList<>();
            for (Event ev : e.events(row, manager)) {
                if (ev.type() == Event.Type.ERROR) {
                    lines.add("[" + (lines.size() + 1) + "] " + manager + ": " + ev.detail());
                    parts.add(ev.summary() + " [" + lines.size() + "]");
                } else parts.add(ev.summary());
            }
            return String.join("; ", parts);
        }

        List<String> lines() { return lines; }
    }
}
