package org.reclaim.lab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.reports.ChartStyle;
import org.reclaim.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab report DIR [--style lecture|default]}: a results folder's charts and comparison report. */
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

    @Override
    public Integer call() {
        Report.Written w = Report.write(dir, ChartStyle.named(style), managers);
        say(w, dir, System.out);
        return 0;
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
