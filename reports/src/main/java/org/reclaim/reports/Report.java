package org.reclaim.reports;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsFile;
import org.reclaim.analysis.stats.Estimate;

/**
 * A results folder's comparison report: every chart in {@code charts/} (PNG and SVG), one
 * self-contained {@code report.html} (charts embedded, no scripts, every value escaped by Pebble's
 * autoescaping) and a {@code report.md} beside it for slides. Both carry the campaign's
 * environment, a reading of each chart in plain words generated from its numbers, the bug table
 * and the cells that did not end ok.
 *
 * <p>Per benchmark (workload, size, parameters): run time vs heap size, run time, cost and
 * footprint relative to manual (where manual ran), pause percentiles, MMU,
 * footprint over the allocation clock, time breakdown and the lifetime-oracle split; over the
 * whole campaign: the bug chart and table, and the published findings beside the lab's figures
 * ({@link AgainstTheLiterature}). Medians carry 95% intervals ({@link Estimate}). A chart whose input was not recorded is not drawn; the
 * report says what was missing and where it would come from.
 */
public final class Report {
    private Report() {}

    /** The report's files inside a results folder. */
    public static final String HTML = "report.html", MARKDOWN = "report.md", CHARTS = "charts";

    /**
     * What a report wrote.
     *
     * @param html     {@code report.html}
     * @param markdown {@code report.md}
     * @param charts   every chart file, PNG and SVG
     */
    public record Written(Path html, Path markdown, List<Path> charts) {}

    /** Every figure of the report of {@code folder}, drawn or missing, in the report's order. */
    public static List<Figure> figures(ResultsFolder folder) {
        List<Figure> figures = new ArrayList<>();
        for (Benchmark b : folder.benchmarks()) {
            figures.add(RunTimeVsHeap.of(folder, b));
            if (hasManualAndAnother(folder, b)) figures.addAll(RelativeToManual.of(folder, b));
            figures.add(PausePercentiles.of(folder, b));
            figures.add(MutatorUtilisation.of(folder, b));
            figures.add(FootprintOverAllocation.of(folder, b));
            figures.add(TimeBreakdown.of(folder, b));
            figures.add(LifetimeSplitFigure.of(folder, b));
        }
        figures.add(BugTable.figure(folder));
        return figures;
    }

    /** Whether {@code b} has ok rows under manual and under some other manager: what the relative charts need. */
    private static boolean hasManualAndAnother(ResultsFolder folder, Benchmark b) {
        List<String> ran = folder.ok(b).stream().map(r -> r.key().manager()).distinct().toList();
        return ran.contains(RelativeToManual.REFERENCE) && ran.size() > 1;
    }

    /**
     * Writes the report of the results folder {@code dir} into it, charts drawn in {@code style}.
     * Charts of an earlier report in {@code charts/} are replaced.
     *
     * @throws IllegalArgumentException if {@code dir} holds no results
     * @throws UncheckedIOException     if a file cannot be read or written
     */
    public static Written write(Path dir, ChartStyle style) {
        return write(dir, style, List.of());
    }

    /**
     * Writes the report of the results folder {@code dir} as {@link #write(Path, ChartStyle)} does,
     * showing only {@code managers} (all when empty).
     *
     * @throws IllegalArgumentException if {@code dir} holds no results, or no run of one of {@code managers}
     */
    public static Written write(Path dir, ChartStyle style, List<String> managers) {
        return write(dir, style, managers, "");
    }

    /**
     * Writes the report of {@code managers} as {@link #write(Path, ChartStyle, List)} does, saying
     * {@code selection} (how they were chosen: which stand for a family, which were merged or left
     * out) under the list of managers.
     *
     * @throws IllegalArgumentException if {@code dir} holds no results, or no run of one of {@code managers}
     */
    public static Written write(Path dir, ChartStyle style, List<String> managers, String selection) {
        ResultsFolder all = ResultsFolder.read(dir);
        ResultsFolder folder = managers.isEmpty() ? all : all.only(managers);
        List<Figure> figures = figures(folder);
        Path chartsDir = dir.resolve(CHARTS);
        clearCharts(chartsDir);
        ChartRenderer renderer = new ChartRenderer(style);
        List<Path> files = new ArrayList<>();
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", f.id());
            c.put("title", f.title());
            c.put("reading", f.reading());
            c.put("takeaway", f.takeaway());
            c.put("detail", f.reading().substring(Math.min(f.reading().length(), f.takeaway().length())).strip());
            c.put("missing", f.missing());
            // A chart of nothing but zeros says less than its sentence: the report prints the sentence instead.
            boolean drawn = f.drawable();
            c.put("sentence", f.hasData() && !drawn ? f.reading() : "");
            c.put("png", "");
            c.put("svg", "");
            c.put("png64", "");
            if (drawn) {
                List<Path> written = renderer.write(f, chartsDir);
                files.addAll(written);
                c.put("png", CHARTS + "/" + written.get(0).getFileName());
                c.put("svg", CHARTS + "/" + written.get(1).getFileName());
                c.put("png64", base64(written.get(0)));
            }
            charts.add(c);
        }
        Map<String, Object> model = model(folder, figures, charts);
        model.put("selection", selection);
        Path html = dir.resolve(HTML), md = dir.resolve(MARKDOWN);
        ResultsFile.writeWhole(html, render(HTML_ENGINE, "report.html.peb", model));
        ResultsFile.writeWhole(md, render(MARKDOWN_ENGINE, "report.md.peb", model));
        return new Written(html, md, files);
    }

    private static Map<String, Object> model(ResultsFolder folder, List<Figure> figures, List<Map<String, Object>> charts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaign", folder.campaignName());
        m.put("description", folder.description());
        m.put("environment", folder.environment());
        m.put("machines", Machines.lines(folder));
        m.put("machineWarnings", Machines.warnings(folder));
        m.put("managers", folder.managers());
        m.put("benchmarks", folder.benchmarks().stream().map(Benchmark::label).toList());
        m.put("readings", figures.stream().filter(Figure::hasData).map(Figure::reading)
                .filter(r -> !r.isEmpty()).toList());
        m.put("charts", charts);
        m.put("bugs", BugTable.lines(folder));
        m.put("bugKinds", BugTable.KIND_TITLES);
        m.put("medians", medians(folder));
        m.put("intervals", Estimate.METHOD + " over each cell's repetitions; a reading states a difference only where two intervals"
                + " do not overlap, else it says the two are not distinguishable at that number of repetitions");
        m.put("literature", AgainstTheLiterature.claims(folder).stream().map(AgainstTheLiterature.Claim::asMap).toList());
        m.put("failures", folder.failures().stream().map(Report::failure).toList());
        m.put("rows", folder.rows().size());
        m.put("skipped", folder.skippedRows());
        return m;
    }

    /** One line per benchmark, manager and heap: runs, and the medians of the ok ones with their 95% intervals. */
    private static List<Map<String, String>> medians(ResultsFolder folder) {
        Map<List<String>, List<ResultRow>> cells = new LinkedHashMap<>();
        for (ResultRow r : folder.rows())
            cells.computeIfAbsent(List.of(Benchmark.of(r.key()).label(), r.key().manager(), r.key().heap()),
                    k -> new ArrayList<>()).add(r);
        List<Map<String, String>> lines = new ArrayList<>();
        cells.forEach((k, rows) -> {
            List<ResultRow> ok = rows.stream().filter(r -> r.status().equals(ResultRow.OK)).toList();
            Map<String, String> l = new LinkedHashMap<>();
            l.put("benchmark", k.get(0));
            l.put("manager", k.get(1));
            l.put("heap", k.get(2));
            l.put("ok", ok.size() + " of " + rows.size());
            l.put("wall", ok.isEmpty() ? "" : withInterval(ok, r -> r.wallNanos() / 1e6));
            l.put("mm", ok.isEmpty() ? "" : withInterval(ok, r -> r.mmNanos() / 1e6));
            l.put("cost", ok.isEmpty() || !ok.stream().allMatch(r -> r.metrics().containsKey("cost.total")) ? ""
                    : median(ok, r -> r.metrics().get("cost.total") / 1e6));
            l.put("pauses", ok.isEmpty() ? "" : median(ok, r -> (double) r.pauseCount()));
            l.put("maxPause", ok.isEmpty() ? "" : median(ok, r -> r.pauseMaxNanos() / 1e6));
            lines.add(l);
        });
        return lines;
    }

    private static String withInterval(List<ResultRow> rows, java.util.function.Function<ResultRow, Double> f) {
        return Estimate.of(rows.stream().map(f).toList()).text(Quantities::significant);
    }

    private static String median(List<ResultRow> rows, java.util.function.Function<ResultRow, Double> f) {
        return Quantities.significant(Spread.of(rows.stream().map(f).toList()).median());
    }

    private static Map<String, String> failure(ResultRow r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("benchmark", Benchmark.of(r.key()).label());
        f.put("manager", r.key().manager());
        f.put("heap", r.key().heap());
        f.put("seed", Long.toString(r.key().seed()));
        f.put("repetition", Integer.toString(r.key().repetition()));
        f.put("status", r.status());
        f.put("message", r.message());
        return f;
    }

    // Templates

    /** The HTML and Markdown template engines, shared with {@link SlideDeck}. */
    static final PebbleEngine HTML_ENGINE = engine().defaultEscapingStrategy("html").build();
    static final PebbleEngine MARKDOWN_ENGINE = engine()
            .addEscapingStrategy(MarkdownEscaping.NAME, new MarkdownEscaping())
            .defaultEscapingStrategy(MarkdownEscaping.NAME).build();

    private static PebbleEngine.Builder engine() {
        ClasspathLoader loader = new ClasspathLoader(Report.class.getClassLoader());
        loader.setPrefix("templates");
        return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true).newLineTrimming(false)
                .defaultLocale(Locale.ROOT);
    }

    static String render(PebbleEngine engine, String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // Files

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void clearCharts(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".svg")).toList())
                Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
