package org.reclaim.reports;

import java.util.List;

/**
 * One chart's data, independent of how it is drawn: the report's tests compare these numbers
 * with the results file, and {@link ChartRenderer} draws them.
 *
 * @param id         file name without extension, unique in a report ({@code charts/<id>.png} and {@code .svg})
 * @param title      the chart's title
 * @param xTitle     the x axis title, with its unit
 * @param yTitle     the y axis title, with its unit
 * @param kind       lines on numeric axes, or bars over categories
 * @param logX       whether the x axis is logarithmic
 * @param logY       whether the y axis is logarithmic
 * @param categories for {@link Kind#BARS}: the name of each x position (x values are indices into it)
 * @param series     the data, in legend order
 * @param reading    the chart in plain words, generated from the numbers
 * @param missing    why the chart has no data (the report shows this instead of a chart), else empty
 * @param differences the differences {@code reading} states (between two managers, where their 95%
 *                    intervals do not overlap) in a form a program can compare ({@link Readings})
 */
public record Figure(String id, String title, String xTitle, String yTitle, Kind kind, boolean logX, boolean logY,
                     List<String> categories, List<Series> series, String reading, String missing,
                     List<Difference> differences) {

    /** How the series are drawn. */
    public enum Kind { LINES, BARS, STACKED_BARS }

    /** How one series is drawn. */
    public enum Role {
        /** A solid line with markers: a median. */
        LINE,
        /** A dashed line: a reference or a bound (manual's level, an oracle, BMU). */
        REFERENCE,
        /** Single points without a legend entry, in the colour of their group: the repetitions. */
        POINTS,
        /** Bars. */
        BAR,
        /** A thin dotted line without markers or legend entry, in its group's colour: an edge of a 95% band. */
        BAND,
        /** Crosses with a legend entry: cells that did not end ok (out of memory), where a line stops rather than bridges. */
        FAILED
    }

    /**
     * One series.
     *
     * @param name  the legend entry
     * @param group what its colour follows (a manager, or a part of a bar)
     * @param x     x values (for bars, indices into the figure's categories)
     * @param y     y values, one per x
     * @param role  how it is drawn
     */
    public record Series(String name, String group, double[] x, double[] y, Role role) {
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
        }

        /** Whether {@code other} has exactly the same points (it would hide this one, or be hidden by it). */
        public boolean sameData(Series other) {
            return java.util.Arrays.equals(x, other.x) && java.util.Arrays.equals(y, other.y);
        }
    }

    public Figure {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        differences = List.copyOf(differences);
    }

    /** A figure whose reading states no difference between managers. */
    public Figure(String id, String title, String xTitle, String yTitle, Kind kind, boolean logX, boolean logY,
                  List<String> categories, List<Series> series, String reading, String missing) {
        this(id, title, xTitle, yTitle, kind, logX, logY, categories, series, reading, missing, List.of());
    }

    /** This figure, its reading stating {@code stated}. */
    public Figure withDifferences(List<Difference> stated) {
        return new Figure(id, title, xTitle, yTitle, kind, logX, logY, categories, series, reading, missing, stated);
    }

    /** A chart that could not be drawn: {@code missing} says why, in words a reader can act on. */
    public static Figure missing(String id, String title, String missing) {
        return new Figure(id, title, "", "", Kind.LINES, false, false, List.of(), List.of(), "", missing);
    }

    /** Whether there is something to draw. */
    public boolean hasData() {
        return missing.isEmpty() && !series.isEmpty();
    }

    /**
     * Whether every value is zero: a chart of nothing, which the report replaces by its reading
     * (a bug chart when no bug was caught).
     */
    public boolean allZero() {
        return series.stream().allMatch(s -> java.util.Arrays.stream(s.y()).allMatch(v -> v == 0 || Double.isNaN(v)));
    }

    /** Whether the report draws it: it has data, and not only zeros (else its reading stands in for it). */
    public boolean drawable() {
        return hasData() && !allZero();
    }

    /** The reading's first sentence: the chart's one-line takeaway, for its subtitle and caption. */
    public String takeaway() {
        String[] sentences = TAKEAWAY_END.split(reading, 2);
        return sentences.length == 0 ? "" : sentences[0].strip();
    }

    /** A sentence ends at a full stop followed by a space (readings start sentences with lower-case manager names), not inside "99.9%". */
    private static final java.util.regex.Pattern TAKEAWAY_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");

    /** The series named {@code name}. */
    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series '" + name + "' in " + id));
    }
}
