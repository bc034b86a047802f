package org.reclaim.workloads.scenarios.view;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.Shape;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.scenarios.Explainer;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * A scenario's heap as a graph after each of its steps, under one manager: the program's variables
 * (the live handles of its scopes) and the objects they reach, with an edge per reference (an
 * owning variable, a borrow, a {@code Box}, an {@code Rc} or a {@code Weak}); counts on the
 * objects and on the edges where the manager keeps them; objects the manager has freed, objects
 * no strong reference reaches any more, values dropped while a {@code Weak} keeps their block, and
 * at exit the objects the manager reports leaked. What a pointer diagram draws.
 *
 * <p>A step is one run of a source line, as {@code lab explain} attributes operations to lines: the
 * graph of a step is the heap once the line's operations are done (a function's closing brace is a
 * line: its scope's drops are its step). Only the steps that change the graph are kept (a
 * {@code println!} changes nothing), and the step where an error stopped the program, drawn as the
 * line found the heap. Otherwise the exit is the last step, after the manager's end-of-run work
 * (a final collection, the leak report).
 *
 * @param scenario the scenario's name
 * @param manager  the manager's name
 * @param note     why there are no steps (a program rustc rejects never runs under Rust), or empty
 * @param steps    the steps, in the order they ran
 */
public record PointerGraphs(String scenario, String manager, String note, List<Step> steps) {

    /** A variable of the program or an object of the heap. */
    public enum NodeKind { VARIABLE, OBJECT }

    /** What has become of an object (a variable is always {@link #LIVE}). */
    public enum State {
        /** Allocated and reachable through strong references. */
        LIVE("live"),
        /** Allocated, but no strong reference from a variable reaches it. */
        UNREACHABLE("unreachable"),
        /** An {@code Rc} whose value was dropped: its block stays while {@code Weak} references remain. */
        DROPPED("dropped"),
        /** Freed by the manager. */
        FREED("freed"),
        /** Still allocated at exit with nothing to free it: the manager reports it leaked. */
        LEAKED("leaked");

        private final String word;

        State(String word) { this.word = word; }

        /** The word a diagram's key and a node's description use. */
        public String word() { return word; }
    }

    /** What a reference is, in Rust's words. */
    public enum RefKind {
        /** A variable that owns its object ({@code let v = vec![..]}). */
        OWNS("owns"),
        /** A {@code Box} (or any owned) field. */
        BOX("Box"),
        /** {@code &x}. */
        BORROW("&"),
        /** {@code &mut x}. */
        BORROW_MUT("&mut"),
        /** A strong {@code Rc}. */
        RC("Rc"),
        /** A {@code Weak}. */
        WEAK("Weak");

        private final String word;

        RefKind(String word) { this.word = word; }

        /** How an edge's label begins. */
        public String word() { return word; }
    }

    /**
     * A node.
     *
     * @param key   unique within its step: {@code #3} for object 3; a variable's name ({@code leaf}), with {@code " (2)"}
     *              for a second live variable of that name
     * @param kind  variable or object
     * @param label the lines a diagram writes in it: a variable's name; an object's {@code #id Shape}, its data words, its counts
     * @param state what has become of it
     */
    public record Node(String key, NodeKind kind, List<String> label, State state) {
        public Node {
            label = List.copyOf(label);
        }

        /** One line: the label's lines joined by {@code " | "}, and the state if not live. */
        public String describe() {
            return String.join(" | ", label) + (state == State.LIVE ? "" : " (" + state.word() + ")");
        }
    }

    /**
     * A reference from a variable or an object to an object.
     *
     * @param from  the key of the node holding it
     * @param to    the key of the object it refers to
     * @param kind  what it is
     * @param label what a diagram writes on it: the kind, and the count it stands for where the manager keeps counts
     */
    public record Edge(String from, String to, RefKind kind, String label) {
        /** One line: {@code from -[label]-> to}. */
        public String describe() { return from + " -[" + label + "]-> " + to; }
    }

    /**
     * The heap after one step.
     *
     * @param row    the source line's index, or the scenario's line count for the exit
     * @param nodes  variables first (in scope order), then objects by allocation number
     * @param edges  in the order of their holders, slots in order
     * @param note   what stopped the program on this line (an error's message; the graph is then the heap as the line
     *               found it), or what the exit found; else empty
     */
    public record Step(int row, List<Node> nodes, List<Edge> edges, String note) {
        public Step {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }

        /** The allocation numbers of the objects in {@code state}. */
        public BitSet objects(State state) {
            BitSet ids = new BitSet();
            for (Node n : nodes) if (n.kind() == NodeKind.OBJECT && n.state() == state) ids.set(Integer.parseInt(n.key().substring(1)));
            return ids;
        }
    }

    public PointerGraphs {
        steps = List.copyOf(steps);
    }

    /** True if at some step an object refers to another: the scenario shares, and its diagrams tell more than its table. */
    public boolean sharing() {
        return steps.stream().anyMatch(s -> s.edges().stream().anyMatch(e -> e.from().startsWith("#")));
    }

    /**
     * The manager a scenario's diagrams use unless one is chosen: Rust's ({@code ownership}), whose
     * {@code Rc} and {@code Weak} counts the diagrams show, or C's ({@code manual}) for a program
     * rustc rejects, which never runs under Rust.
     */
    public static Managers.Info defaultManager(Scenario scenario) {
        return Managers.find(scenario.compileErrors().isEmpty() ? "ownership" : "manual");
    }

    /** Runs {@code scenario} under {@code manager}, taking the heap's graph after every step. */
    public static PointerGraphs of(Scenario scenario, Managers.Info manager) {
        if (manager.family().equals("ownership") && !scenario.compileErrors().isEmpty())
            return new PointerGraphs(scenario.name(), manager.name(), "rustc rejects " + scenario.name() + " ("
                    + scenario.compileErrors().getFirst() + "): under " + manager.name() + " it never runs", List.of());
        MemoryManager m = manager.factory().create(Explainer.HEAP_BYTES, Probe.OFF);
        int exit = scenario.lines().size();
        Snapshots s = new Snapshots(m, manager.family(), exit);
        m.onFree(s::freed);
        int[] row = {-1};
        try {
            scenario.play(m, line -> {
                if (row[0] >= 0) s.take(row[0], "");
                row[0] = line;
            }, manager.family());
            if (row[0] >= 0) s.take(row[0], "");
            m.finish();
            List<Integer> leaked = m.leaks().stream().map(Leak::id).sorted().toList();
            s.leaked(leaked);
            s.take(exit, leaked.isEmpty() ? "" : "leaked at exit: " + String.join(" ", leaked.stream().map(i -> "#" + i).toList()));
        } catch (MemoryFault | OutOfMemory e) {
            s.stopped(Math.max(row[0], 0), e.getMessage());
        }
        return new PointerGraphs(scenario.name(), manager.name(), "", s.steps);
    }

    /** Reads the graph out of a manager's heap and roots, without changing either. */
    private static final class Snapshots {
        private static final int DATA_SHOWN = 4;
        private final MemoryManager m;
        private final boolean counts, countsEverything, followWeak;
        final List<Step> steps = new ArrayList<>();
        /** Each object's name and data when last seen allocated: a freed one keeps them (not its counts), greyed. */
        private final Map<Integer, List<String>> lastLabel = new HashMap<>();
        /** The object each address held when last seen: a dangling reference names the freed object. */
        private final Map<Integer, Integer> lastIdAt = new HashMap<>();
        private final BitSet freed = new BitSet();
        private Set<Integer> leaked = Set.of();

        private final int exitRow;

        Snapshots(MemoryManager m, String family, int exitRow) {
            this.m = m;
            this.exitRow = exitRow;
            this.counts = Set.of("manual", "refcount", "ownership").contains(family);
            this.countsEverything = family.equals("refcount");
            this.followWeak = !counts;
        }

        void freed(int id) { freed.set(id); }

        void leaked(List<Integer> ids) { leaked = Set.copyOf(ids); }

        /** The graph of the latest {@link #take}, kept or not. */
        private List<Node> lastNodes = List.of();
        private List<Edge> lastEdges = List.of();

        /**
         * An error stopped the program on {@code row}: its step is the heap as the line found it
         * (the scopes the error then unwound free things that are not the program's doing).
         */
        void stopped(int row, String message) {
            steps.add(new Step(row, lastNodes, lastEdges, message));
        }

        void take(int row, String note) {
            long[] w = m.heap().words;
            Handles h = m.handles();
            Map<Integer, Integer> idAt = new LinkedHashMap<>();
            m.forEachObject(a -> idAt.put(a, m.idAt(a)));
            // A tracing collector treats a Weak as a reference; counting does not.
            BitSet reachable = new Reachability(m).reachableIds(followWeak, true);
            List<Node> variables = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            Map<Integer, Node> objects = new java.util.TreeMap<>();
            Set<String> keys = new java.util.HashSet<>();
            for (int i = 1; i < h.top(); i++) {
                int a = h.addr(i);
                if (a == Heap.NULL || h.kind(i) == Handles.DEAD) continue;
                Integer target = target(w, a, idAt);
                if (target == null) continue;
                String name = h.name(i) == null ? "(temporary)" : h.name(i);
                String key = name;
                for (int k = 2; keys.contains(key); k++) key = name + " (" + k + ")";   // shadowed, or a callee's of the same name
                keys.add(key);
                variables.add(new Node(key, NodeKind.VARIABLE, List.of(name), State.LIVE));
                RefKind kind = switch (h.kind(i)) {
                    case Handles.BORROW -> RefKind.BORROW;
                    case Handles.BORROW_MUT -> RefKind.BORROW_MUT;
                    case Handles.RC -> RefKind.RC;
                    case Handles.WEAK -> RefKind.WEAK;
                    default -> RefKind.OWNS;
                };
                edges.add(new Edge(key, "#" + target, kind, edgeLabel(kind, w, a, !idAt.containsKey(a))));
            }
            for (var e : idAt.entrySet()) {
                int a = e.getKey(), id = e.getValue();
                boolean dropped = ObjectLayout.has(w[a], ObjectLayout.DROPPED);
                List<String> label = new ArrayList<>(objectLabel(w, a, id));
                lastLabel.put(id, List.copyOf(label));
                if (counted(w, a)) label.add(ObjectLayout.has(w[a], ObjectLayout.RC)
                        ? "strong " + ObjectLayout.strong(w, a) + ", weak " + ObjectLayout.weak(w, a) : "count " + ObjectLayout.strong(w, a));
                State state = leaked.contains(id) ? State.LEAKED : dropped ? State.DROPPED
                        : reachable.get(id) ? State.LIVE : State.UNREACHABLE;
                objects.put(id, new Node("#" + id, NodeKind.OBJECT, label, state));
                if (dropped) continue;            // a dropped value's fields were released with it
                Shape shape = m.shapes().get(ObjectLayout.shape(w[a]));
                for (int s = 0, n = m.slotsAt(a); s < n; s++) {
                    int c = (int) w[ObjectLayout.slot(a, s)];
                    if (c == Heap.NULL) continue;
                    Integer target = target(w, c, idAt);
                    if (target == null) continue;
                    RefKind kind = switch (shape.slotKind(s)) {
                        case OWNED -> RefKind.BOX;
                        case SHARED -> RefKind.RC;
                        case WEAK -> RefKind.WEAK;
                    };
                    edges.add(new Edge("#" + id, "#" + target, kind, edgeLabel(kind, w, c, !idAt.containsKey(c))));
                }
            }
            for (int id = freed.nextSetBit(0); id >= 0; id = freed.nextSetBit(id + 1))
                objects.put(id, new Node("#" + id, NodeKind.OBJECT, lastLabel.getOrDefault(id, List.of("#" + id)), State.FREED));
            lastIdAt.putAll(idAt);
            List<Node> nodes = new ArrayList<>(variables);
            nodes.addAll(objects.values());
            lastNodes = nodes;
            lastEdges = edges;
            boolean unchanged = steps.isEmpty() ? nodes.isEmpty()
                    : steps.getLast().nodes().equals(nodes) && steps.getLast().edges().equals(edges);
            if (!unchanged || !note.isEmpty() || row == exitRow) steps.add(new Step(row, nodes, edges, note));
        }

        /** The object a reference to {@code a} reaches: the one there, or the freed one that was there (a dangling reference). */
        private Integer target(long[] w, int a, Map<Integer, Integer> idAt) {
            Integer id = idAt.get(a);
            if (id != null) return id;
            Integer was = lastIdAt.get(a);
            return was != null && freed.get(was) ? was : null;
        }

        private boolean counted(long[] w, int a) {
            return counts && (countsEverything || ObjectLayout.has(w[a], ObjectLayout.RC));
        }

        /** The kind, then the count the reference stands for where the manager keeps one; a reference into a freed block is dangling. */
        private String edgeLabel(RefKind kind, long[] w, int a, boolean dangling) {
            if (dangling) return kind.word() + ", dangling";
            if (!counted(w, a)) return kind.word();
            return switch (kind) {
                case RC -> kind.word() + ", strong " + ObjectLayout.strong(w, a);
                case WEAK -> kind.word() + ", weak " + ObjectLayout.weak(w, a);
                default -> kind.word();
            };
        }

        private List<String> objectLabel(long[] w, int a, int id) {
            Shape shape = m.shapes().get(ObjectLayout.shape(w[a]));
            List<String> label = new ArrayList<>(List.of("#" + id + " " + shape.name()));
            int first = ObjectLayout.slot(a, m.slotsAt(a)), end = a + ObjectLayout.size(w[a]);
            if (end > first) {
                List<String> data = new ArrayList<>();
                for (int k = first; k < Math.min(end, first + DATA_SHOWN); k++) data.add(String.format(Locale.ROOT, "%d", w[k]));
                if (end - first > DATA_SHOWN) data.add("… " + (end - first) + " words");
                label.add(String.join(", ", data));
            }
            return label;
        }
    }
}
