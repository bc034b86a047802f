package org.reclaim.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reclaim.lab.input.BadInput;
import org.reclaim.reports.PointerDiagram;
import org.reclaim.runtime.NearestNames;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.scenarios.RustScenario;
import org.reclaim.workloads.scenarios.Scenario;
import org.reclaim.workloads.scenarios.view.PointerGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab diagram SCENARIO --out DIR [--manager M]}: a pointer diagram per step of a scenario. */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draws a pointer diagram (PNG and SVG, laid out by Eclipse ELK) after every step of a seed scenario or",
                "a Rust file in the lab's subset, under one manager: the variables and the objects they reach, each",
                "reference an arrow (owns, Box, &, &mut, Rc, Weak) labelled with the strong or weak count where the manager",
                "keeps counts; freed objects greyed, unreachable ones dashed, leaked ones red at exit. A step is a source",
                "line whose run changed the heap's graph; the exit is the last. Prints each step's boxes and arrows.",
                "Exit status: 0, or 2 for bad input."})
public final class DiagramCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<scenario|FILE.rs>", description = "scenario name (see `lab list`) or a .rs file")
    String scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "the folder the diagrams go to: SCENARIO-MANAGER-step-NN-line-L.png and .svg")
    Path out;

    @Option(names = "--manager", paramLabel = "M",
            description = "the manager whose heap is drawn (default: ownership, or manual for a program rustc rejects)")
    String manager;

    @Override
    public Integer call() {
        Scenario s = scenario.endsWith(".rs") || Files.isRegularFile(Path.of(scenario)) ? readRust(Path.of(scenario)) : Workloads.scenario(scenario);
        Managers.Info info = manager == null ? PointerGraphs.defaultManager(s) : find(manager);
        PointerGraphs graphs = PointerGraphs.of(s, info);
        if (graphs.steps().isEmpty()) throw new BadInput(graphs.note() + "; choose another manager with --manager (manual shows C's run)");
        List<Written> written = write(s, graphs, out);
        for (Written w : written) {
            System.out.println(w.caption());
            System.out.println("  " + w.files().get(1));
            for (PointerGraphs.Node n : w.step().nodes())
                System.out.println("  " + (n.kind() == PointerGraphs.NodeKind.VARIABLE ? "variable " : "") + n.describe());
            for (PointerGraphs.Edge e : w.step().edges()) System.out.println("  " + e.describe());
        }
        System.out.println("diagram: " + written.size() + " steps of " + s.name() + " under " + info.name() + " in "
                + out.toAbsolutePath().normalize() + " (PNG and SVG)");
        return 0;
    }

    private static Managers.Info find(String name) {
        if (!Managers.names().contains(name)) throw new BadInput(NearestNames.unknown("manager", name, Managers.names()));
        return Managers.find(name);
    }

    private static Scenario readRust(Path file) {
        if (!Files.isRegularFile(file)) throw new BadInput("no such file: " + file);
        return RustScenario.read(file);
    }

    /** One step's diagram: its caption, the step, and its files (PNG first). */
    record Written(String caption, PointerGraphs.Step step, List<Path> files) {}

    /** Draws every step of {@code graphs} into {@code dir}. */
    static List<Written> write(Scenario s, PointerGraphs graphs, Path dir) {
        List<Written> written = new ArrayList<>();
        for (int k = 0; k < graphs.steps().size(); k++) {
            PointerGraphs.Step step = graphs.steps().get(k);
            boolean exit = step.row() == s.lines().size(), stopped = !exit && !step.note().isEmpty();
            String caption = s.name() + " under " + graphs.manager() + (exit ? ", at exit"
                    : (stopped ? ", stopped on line " : ", after line ") + (step.row() + 1) + ": " + s.lines().get(step.row()).text().strip());
            String name = String.format(Locale.ROOT, "%s-%s-step-%02d-%s", s.name(), graphs.manager(), k + 1,
                    exit ? "exit" : "line-" + (step.row() + 1));
            written.add(new Written(caption, step, diagram(caption, step).write(dir, name)));
        }
        return written;
    }

    /** The drawing of one step: variables and objects as boxes, references as arrows. */
    static PointerDiagram diagram(String caption, PointerGraphs.Step step) {
        List<PointerDiagram.Node> nodes = step.nodes().stream().map(n -> new PointerDiagram.Node(n.key(), n.label(),
                n.kind() == PointerGraphs.NodeKind.VARIABLE ? PointerDiagram.Look.VARIABLE : switch (n.state()) {
                    case LIVE -> PointerDiagram.Look.LIVE;
                    case UNREACHABLE -> PointerDiagram.Look.UNREACHABLE;
                    case DROPPED -> PointerDiagram.Look.DROPPED;
                    case FREED -> PointerDiagram.Look.FREED;
                    case LEAKED -> PointerDiagram.Look.LEAKED;
                })).toList();
        List<PointerDiagram.Edge> edges = step.edges().stream().map(e -> new PointerDiagram.Edge(e.from(), e.to(), switch (e.kind()) {
            case OWNS, BOX -> PointerDiagram.Arrow.OWNING;
            case RC -> PointerDiagram.Arrow.STRONG;
            case WEAK -> PointerDiagram.Arrow.WEAK;
            case BORROW, BORROW_MUT -> PointerDiagram.Arrow.BORROW;
        }, e.label())).toList();
        return new PointerDiagram(caption, step.note(), nodes, edges);
    }
}
