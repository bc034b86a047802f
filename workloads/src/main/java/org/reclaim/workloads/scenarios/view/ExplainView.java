package org.reclaim.workloads.scenarios.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.NearestNames;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.scenarios.Event;
import org.reclaim.workloads.scenarios.Explainer;
import org.reclaim.workloads.scenarios.Explanation;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * What {@code lab explain} shows of an {@link Explanation}: the columns a lecturer chose
 * ({@code --managers a,b,c}, or {@code --families}: one column per family, identical columns
 * merged), each object's last use and drag marked on its rows ({@link Lifetimes}), and cells worded
 * for the language each manager stands for.
 */
public final class ExplainView {
    private ExplainView() {}

    /**
     * A family as a column title, and the managers it covers. Epsilon, which never frees, is no
     * language's practice and has no family column.
     */
    public enum Family {
        C("C", "manual"),
        C_SANITIZER("C+sanitizer", "manual+sanitize"),
        TRACING("tracing GC", "mark-sweep", "mark-compact", "semispace", "generational"),
        REFERENCE_COUNTING("reference counting", "refcount", "refcount-deferred", "refcount-atomic"),
        RC_CYCLES("RC+cycles", "refcount+cycles", "refcount-deferred+cycles"),
        RUST("Rust", "ownership", "ownership-trusted");

        /** The column title. */
        public final String title;
        /** Its managers, in {@code lab list} order. */
        public final List<String> managers;

        Family(String title, String... managers) {
            this.title = title;
            this.managers = List.of(managers);
        }
    }

    /**
     * The managers to run for {@code --managers} (comma-separated names, in the order given) or
     * {@code --families}; every manager when neither is given.
     *
     * @throws IllegalArgumentException naming the unknown manager and the nearest valid names, or if both are given
     */
    public static List<Managers.Info> managers(String list, boolean families) {
        if (list != null && families) throw new IllegalArgumentException("give --managers or --families, not both");
        if (families) return Managers.all().stream().filter(i -> family(i.name()) != null).toList();
        if (list == null) return Managers.all();
        List<Managers.Info> chosen = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip();
            if (!Managers.names().contains(n)) throw new IllegalArgumentException(NearestNames.unknown("manager", n, Managers.names()));
            Managers.Info info = Managers.find(n);
            if (!chosen.contains(info)) chosen.add(info);
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException("--managers needs at least one manager name");
        return chosen;
    }

    /** The family of {@code manager}, or null for epsilon. */
    public static Family family(String manager) {
        for (Family f : Family.values()) if (f.managers.contains(manager)) return f;
        return null;
    }

    /**
     * An explanation and what to say about its columns.
     *
     * @param explanation the table to print: its managers are the column titles
     * @param merged      per column that stands for others, which managers it stands for
     */
    public record View(Explanation explanation, List<String> merged) {
        public View {
            merged = List.copyOf(merged);
        }

        /** One line saying what the merged columns stand for, or empty. */
        public String columnsNote() {
            return merged.isEmpty() ? "" : "Columns: " + String.join("; ", merged) + ".";
        }
    }

    /**
     * Explains {@code scenario} under {@code managers}, marks every object's last use and drag, and
     * with {@code families} merges each family's identical columns into one titled by the family.
     */
    public static View explain(Scenario scenario, boolean collectEveryLine, List<Managers.Info> managers, boolean families) {
        Explanation e = Explainer.explain(scenario, collectEveryLine, managers);
        int rows = e.exitRow() + 1;
        Map<String, List<List<Event>>> columns = new LinkedHashMap<>();
        for (Managers.Info info : managers) {
            Lifetimes life = Lifetimes.of(scenario, info);
            List<List<Event>> column = new ArrayList<>();
            for (int r = 0; r < rows; r++) column.add(cell(e, r, info, life));
            columns.put(info.name(), column);
        }
        List<String> merged = new ArrayList<>();
        if (families) columns = merge(columns, merged);
        List<String> titles = new ArrayList<>(columns.keySet());
        List<List<List<Event>>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<List<Event>> row = new ArrayList<>();
            for (List<List<Event>> column : columns.values()) row.add(column.get(r));
            cells.add(row);
        }
        List<String> forced = e.forced().stream().filter(titles::contains).toList();
        return new View(new Explanation(e.scenario(), e.description(), e.lines(), titles, cells, e.collectEveryLine(), forced), merged);
    }

    /** The events of a cell, worded for the manager's language, then the last uses and drags on that row. */
    private static List<Event> cell(Explanation e, int row, Managers.Info info, Lifetimes life) {
        List<Event> out = new ArrayList<>();
        for (Event ev : e.events(row, info.name())) out.add(honest(ev, info.family()));
        for (Lifetimes.Life o : life.objects()) {
            if (o.lastUse() == row && row != e.exitRow() && !o.drag().isEmpty())
                out.add(new Event(Event.Type.LAST_USE, List.of(o.id()), List.of(), null, null));
            if (o.drag().contains(row)) out.add(new Event(Event.Type.DRAG, List.of(o.id()), List.of(), null, null));
        }
        return out;
    }

    /**
     * A null reference is what a garbage-collected or counted program meets where the C program
     * freed: it cannot free, so the scenario's {@code free} clears the reference. Say so, rather
     * than "error null reference", which reads as if the collector crashed.
     */
    private static Event honest(Event ev, String family) {
        if (ev.type() != Event.Type.ERROR || !"null reference".equals(ev.code()) || family.equals("manual")) return ev;
        return new Event(Event.Type.ERROR, ev.ids(), ev.values(), "NullPointerException",
                "the program cannot free, so where C frees it set the reference to null; reading through it throws "
                        + "NullPointerException, and the object stays until nothing refers to it (" + ev.detail() + ")");
    }

    /** Within each family, columns whose every cell is the same become one column titled by the family. */
    private static Map<String, List<List<Event>>> merge(Map<String, List<List<Event>>> columns, List<String> merged) {
        Map<String, List<List<Event>>> out = new LinkedHashMap<>();
        for (Family f : Family.values()) {
            List<String> members = f.managers.stream().filter(columns::containsKey).toList();
            if (members.isEmpty()) continue;
            // Group the family's columns by content: identical ones share a column.
            Map<List<List<Event>>, List<String>> byContent = new LinkedHashMap<>();
            for (String m : members) byContent.computeIfAbsent(columns.get(m), k -> new ArrayList<>()).add(m);
            boolean one = byContent.size() == 1;
            for (var g : byContent.entrySet()) {
                String title = one ? f.title : String.join(" = ", g.getValue());
                out.put(title, g.getKey());
                if (one) merged.add(f.title + " = " + String.join(", ", g.getValue())
                        + (g.getValue().size() > 1 ? " (identical in every row)" : ""));
                else if (g.getValue().size() > 1) merged.add(title + " (" + f.title + ", identical in every row)");
            }
        }
        return out;
    }

}
