package org.reclaim.workloads.scenarios;

/** The source text of a scenario: its lines, in the order they are printed. */
public final class Listing {
    private Listing() {}

    /**
     * One source line.
     *
     * @param index  its position in the listing, from 0
     * @param text   the line as printed (valid Rust, indented), its {@code // C only} mark left out
     * @param cOnly  true for a line only the C version of the program has (an explicit {@code free})
     */
    public record Line(int index, String text, boolean cOnly) {}
}
