package org.reclaim.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reclaim.lab.input.BadInput;
import org.reclaim.reports.ChartRenderer;
import org.reclaim.reports.ChartStyle;
import org.reclaim.reports.Figure;
import org.reclaim.reports.LifetimeTimeline;
import org.reclaim.reports.Report;
import org.reclaim.reports.ResultsFolder;
import org.reclaim.reports.SlideDeck;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.scenarios.Event;
import org.reclaim.workloads.scenarios.Explanation;
import org.reclaim.workloads.scenarios.Listing;
import org.reclaim.workloads.scenarios.Scenario;
import org.reclaim.workloads.scenarios.view.ExplainView;
import org.reclaim.workloads.scenarios.view.Lifetimes;
import org.reclaim.workloads.scenarios.view.PointerGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab slides SCENARIO... [--results DIR] --out FILE.html}: a lecture's slide deck. */
@Command(name = "slides", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained slide deck (reveal.js, no network needed) and its Markdown twin for Marp.",
                "Per scenario: its source, the table of lab explain (one column per family, or --managers) and its lifetime",
                "timeline, and for a scenario whose objects point to each other a pointer diagram per step (as lab diagram",
                "draws them); per results folder: one chart per slide, its takeaway as the subtitle, its reading as speaker notes."})
public final class SlidesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "scenarios (see `lab list`)")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", description = "a results folder whose charts to show (repeatable)")
    List<Path> results = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the deck; FILE.md and FILE-images/ go beside it")
    Path out;

    @Option(names = "--managers", paramLabel = "A,B,C", description = "these managers' columns instead of one per family")
    String managers;

    @Override
    public Integer call() {
        if (scenarios.isEmpty() && results.isEmpty()) throw new BadInput("give at least one scenario or --results DIR");
        if (!out.getFileName().toString().endsWith(".html")) throw new BadInput("--out must name an .html file: " + out);
        for (String s : scenarios) Workloads.scenario(s);   // every name checked before anything is written
        for (Path r : results) ResultsFolder.read(r);
        Path work = workDir();
        List<SlideDeck.Slide> slides = new ArrayList<>();
        for (String s : scenarios) slides.addAll(scenarioSlides(Workloads.scenario(s), work));
        for (Path r : results) slides.addAll(resultSlides(r, work));
        String title = scenarios.isEmpty() ? "Reclaim: " + String.join(", ", results.stream().map(p -> p.getFileName().toString()).toList())
                : "Reclaim: " + String.join(", ", scenarios);
        SlideDeck.Written w = new SlideDeck(title, slides).write(out);
        System.out.println("slides: " + w.html().toAbsolutePath().normalize() + " (" + (slides.size() + 1) + " slides; Marp: "
                + w.markdown().getFileName() + ", images and timelines (PNG and SVG) in " + out.getFileName().toString().replace(".html", "-images") + ")");
        return 0;
    }

    private Path workDir() {
        Path dir = out.toAbsolutePath().getParent().resolve(out.getFileName().toString().replace(".html", "-images"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<SlideDeck.Slide> scenarioSlides(Scenario scenario, Path work) {
        boolean families = managers == null;
        List<Managers.Info> chosen = ExplainView.managers(managers, families);
        ExplainView.View v = ExplainView.explain(scenario, false, chosen, families);
        Explanation e = v.explanation();
        List<String> code = e.lines().stream().map(l -> l.cOnly() ? l.text() + " // C only" : l.text()).toList();
        List<List<String>> table = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("#", "source"));
        head.addAll(e.managers());
        table.add(head);
        List<String> errors = new ArrayList<>();
        for (int row = 0; row <= e.exitRow(); row++) {
            List<String> r = new ArrayList<>(List.of(row < e.exitRow() ? Integer.toString(row + 1) : "", row < e.exitRow() ? code.get(row) : "(exit)"));
            boolean any = false;
            for (String m : e.managers()) {
                List<String> parts = new ArrayList<>();
                for (Event ev : e.events(row, m)) {
                    parts.add(ev.summary());
                    if (ev.type() == Event.Type.ERROR) errors.add(m + ": " + ev.detail());
                }
                any |= !parts.isEmpty();
                r.add(String.join("; ", parts));
            }
            if (any) table.add(r);
        }
        String name = scenario.name();
        List<SlideDeck.Slide> slides = new ArrayList<>();
        slides.add(new SlideDeck.Slide(name, scenario.description(), code, List.of(), null, ""));
        slides.add(new SlideDeck.Slide(name + ": what each manager does", v.columnsNote(), List.of(), table, null,
                e.caption() + (errors.isEmpty() ? "" : " Errors: " + String.join(" | ", errors))));
        Path timeline = timeline(scenario, chosen, families, work).getFirst();
        slides.add(new SlideDeck.Slide(name + ": lifetimes", "Each object from allocation to free, per "
                + (families ? "family" : "manager") + "; hatched: held but never used again (drag).", List.of(), List.of(), timeline, ""));
        PointerGraphs graphs = PointerGraphs.of(scenario, PointerGraphs.defaultManager(scenario));
        if (graphs.sharing())
            for (DiagramCommand.Written w : DiagramCommand.write(scenario, graphs, work))
                slides.add(new SlideDeck.Slide(name + ": the heap " + (w.step().row() == scenario.lines().size() ? "at exit"
                        : (w.step().note().isEmpty() ? "after line " : "when line ") + (w.step().row() + 1)
                        + (w.step().note().isEmpty() ? "" : " stopped the program")), w.step().note(), List.of(), List.of(), w.files().getFirst(), w.caption()));
        return slides;
    }

    /** The scenario's lifetime timeline as {@code <scenario>-timeline.png} and {@code .svg} in {@code dir}. */
    static List<Path> timeline(Scenario scenario, List<Managers.Info> chosen, boolean families, Path dir) {
        List<LifetimeTimeline.Column> columns = new ArrayList<>();
        List<ExplainView.Family> done = new ArrayList<>();
        for (Managers.Info info : chosen) {
            ExplainView.Family f = ExplainView.family(info.name());
            if (families && (f == null || done.contains(f))) continue;
            done.add(f);
            Lifetimes l = Lifetimes.of(scenario, info);
            List<LifetimeTimeline.Bar> bars = l.objects().stream().map(o -> new LifetimeTimeline.Bar(o.id(), o.allocated(), o.lastUse(),
                    o.unreachable(), o.freed(), o.leaked(), o.drag())).toList();
            columns.add(new LifetimeTimeline.Column(families ? f.title : info.name(), bars, l.errorRow()));
        }
        List<String> lines = new ArrayList<>(scenario.lines().stream().map(Listing.Line::text).toList());
        lines.add("(exit)");
        return new LifetimeTimeline(scenario.name() + ": " + scenario.description(), lines, columns)
                .write(dir, scenario.name() + "-timeline");
    }

    private static List<SlideDeck.Slide> resultSlides(Path dir, Path work) {
        ResultsFolder folder = ResultsFolder.read(dir);
        ChartRenderer renderer = new ChartRenderer(ChartStyle.LECTURE);
        List<SlideDeck.Slide> slides = new ArrayList<>();
        String description = folder.description();
        slides.add(new SlideDeck.Slide("Campaign " + folder.campaignName(), description, List.of(), List.of(), null, ""));
        for (Figure f : Report.figures(folder)) {
            if (!f.drawable()) {
                if (f.hasData()) slides.add(new SlideDeck.Slide(f.title(), f.reading(), List.of(), List.of(), null, ""));
                continue;
            }
            Path png = renderer.write(f, work).getFirst();
            slides.add(new SlideDeck.Slide(f.title(), f.takeaway(), List.of(), List.of(), png, f.reading()));
        }
        return slides;
    }
}
