package org.reclaim.workloads.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * The source text of a scenario, one line at a time, in the order it is printed. A scenario
 * declares its lines as constants ({@code static final int LET_ORDERS = SRC.line("...")}) and
 * marks each step with the line it stands for, so {@code lab explain} can attribute every event.
 */
public final class Listing {

    /**
     * One source line.
     *
     * @param index  its position in the listing, from 0
     * @param text   the line as printed (valid Rust, indented)
     * @param cOnly  true for a line only the C version of the program has (an explicit {@code free})
     */
    public record Line(int index, String text, boolean cOnly) {}

    private final List<Line> lines = new ArrayList<>();

    /** Adds a line of the Rust program; returns its index. */
    public int line(String text) { return add(text, false); }

    /** Adds a line only the C version has (Rust frees at the scope end instead); returns its index. */
    public int cOnly(String text) { return add(text, true); }

    private int add(String text, boolean cOnly) {
        lines.add(new Line(lines.size(), text, cOnly));
        return lines.size() - 1;
    }

    /** The lines, in order. */
    public List<Line> lines() { return List.copyOf(lines); }
}
