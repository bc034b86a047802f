package org.reclaim.reports;

import java.util.Locale;

/**
 * The families the report's readings compare: Hertz &amp; Berger ask at what heap a tracing
 * collector comes within reach of explicit management, so a reading needs to know which is which.
 */
enum ManagerFamily {
    /** {@code epsilon}: allocates, never frees. */
    BASELINE,
    /** The program frees: {@code manual} (with its variants) and {@code ownership}. */
    EXPLICIT,
    /** {@code refcount} and its variants. */
    REFERENCE_COUNTING,
    /** Everything else: the simulated tracing collectors and the real JVM's ({@code jvm:*}). */
    TRACING;

    /** The family of the manager named {@code name} (variant included). */
    static ManagerFamily of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("epsilon")) return BASELINE;
        if (n.startsWith("manual") || n.startsWith("ownership")) return EXPLICIT;
        if (n.startsWith("refcount") || n.startsWith("rc")) return REFERENCE_COUNTING;
        return TRACING;
    }
}
