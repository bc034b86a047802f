package org.reclaim.workloads.scenarios;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code lab explain} found: for one scenario, a row per source line (and one for the exit),
 * a column per manager, each cell the events of that line under that manager.
 *
 * @param scenario         the scenario's name
 * @param description      its one-line description
 * @param lines            its source lines
 * @param managers         the managers, in column order
 * @param cells            {@code cells.get(row).get(column)}; row {@code lines.size()} is the exit
 * @param collectEveryLine true if managers that can were made to collect after every line
 * @param forced           the managers that collected after every line
 */
public record Explanation(String scenario, String description, List<Listing.Line> lines, List<String> managers,
                          List<List<List<Event>>> cells, boolean collectEveryLine, List<String> forced) {

    public Explanation {
        lines = List.copyOf(lines);
        managers = List.copyOf(managers);
        cells = cells.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        forced = List.copyOf(forced);
    }

    /** The row of the exit: leaks, and what a manager frees when the program ends. */
    public int exitRow() { return lines.size(); }

    /** The events of {@code row} under {@code manager}. */
    public List<Event> events(int row, String manager) {
        int c = managers.indexOf(manager);
        if (c < 0) throw new IllegalArgumentException("no column for manager " + manager);
        return cells.get(row).get(c);
    }

    /** The cell as the table shows it, footnote marks left out: events' summaries joined by {@code "; "}. */
    public String cell(int row, String manager) {
        return events(row, manager).stream().map(Event::summary).collect(Collectors.joining("; "));
    }

    /** The caption: what the table shows, and when the collectors ran. */
    public String caption() {
        String head = scenario + ": " + description + ". Each cell says what happened on that line under that manager; "
                + "#n is the n-th allocation; \"last use\" marks the line after which the object is never read again and \"drag\" each later line on which it is still held; C-only lines are the C programmer's explicit frees, which Rust leaves to the scope end.";
        if (collectEveryLine)
            return head + " A full collection was forced after every line (--collect-every-line)"
                    + (forced.isEmpty() ? ", but no manager here can be forced to collect." : " under " + String.join(", ", forced)
                    + ": their frees show the earliest line at which a collector can find each object unreachable.");
        return head + " Tracing collectors free only when a collection runs, and a scenario never fills the heap:"
                + " at exit the process ends and the whole heap goes back to the operating system, so their cells show"
                + " no frees; run with --collect-every-line to see the earliest line each could free an object.";
    }
}
