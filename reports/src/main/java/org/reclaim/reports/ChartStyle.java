package org.reclaim.reports;

/**
 * How large charts are drawn: {@link #DEFAULT} for reading on a screen, {@link #LECTURE} with
 * larger type, thicker lines and bigger markers for a projector at the back of a hall.
 *
 * @see ChartRenderer
 */
public enum ChartStyle {
    /** A screen: 1000 x 620 pixels, 14-point tick labels. */
    DEFAULT(1000, 620, 22, 17, 14, 15, 2.5f, 8),
    /** A projector: 1280 x 800 pixels, 26-point tick labels, lines twice as thick. */
    LECTURE(1280, 800, 36, 30, 26, 26, 5f, 16);

    final int width, height, titleSize, axisTitleSize, tickSize, legendSize, markerSize;
    final float strokeWidth;

    ChartStyle(int width, int height, int titleSize, int axisTitleSize, int tickSize, int legendSize, float strokeWidth,
               int markerSize) {
        this.width = width;
        this.height = height;
        this.titleSize = titleSize;
        this.axisTitleSize = axisTitleSize;
        this.tickSize = tickSize;
        this.legendSize = legendSize;
        this.strokeWidth = strokeWidth;
        this.markerSize = markerSize;
    }

    /** The style named {@code name} ({@code default} or {@code lecture}). */
    public static ChartStyle named(String name) {
        for (ChartStyle s : values()) if (s.name().equalsIgnoreCase(name)) return s;
        throw new IllegalArgumentException("unknown style '" + name + "'; valid: default, lecture");
    }
}
