package org.reclaim.lab.input;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.reclaim.runtime.heap.Heap;

/** Heap sizes as people write them: {@code 64m}, {@code 1g}, {@code 512k}, {@code 4096} (bytes). */
public final class HeapSize {
    private HeapSize() {}

    /** The smallest heap the lab runs: a few objects of any workload. */
    public static final long MIN_BYTES = 4096;
    /** The largest simulated heap: one {@code long[]}. */
    public static final long MAX_SIMULATED_BYTES = Heap.MAX_WORDS * Long.BYTES;

    /**
     * Bytes for {@code text}.
     *
     * @throws IllegalArgumentException saying what a heap size looks like
     */
    public static long parse(String text) {
        return parse(text, "heap size");
    }

    /**
     * Bytes for {@code text}, a size written as heap sizes are ({@code 64k}), called {@code what}
     * in the message ("--sample-every").
     *
     * @throws IllegalArgumentException saying what a size looks like
     */
    public static long parse(String text, String what) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit != 1) t = t.substring(0, t.length() - 1);
        }
        try {
            if (!t.matches("[0-9]{1,19}(\\.[0-9]{1,19})?")) throw new NumberFormatException();
            double v = Double.parseDouble(t);
            if (!(v * unit >= 1) || v * unit > Long.MAX_VALUE) throw new NumberFormatException();
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + abbreviate(text) + "' is not a positive size such as 4096, 512k,"
                    + " 64m or 1g (at most " + Long.MAX_VALUE + " bytes)");
        }
    }

    /**
     * Checks a simulated heap of {@code bytes} that this JVM is to hold: between {@link #MIN_BYTES}
     * and what the lab's own heap ({@code -Xmx}) leaves room for, never more than one
     * {@code long[]} holds.
     *
     * @throws IllegalArgumentException naming the allowed range, before anything is allocated
     */
    public static long checkInThisJvm(long bytes, String text) {
        long room = Runtime.getRuntime().maxMemory() / 4 * 3;
        long max = Math.min(MAX_SIMULATED_BYTES, room);
        if (bytes >= MIN_BYTES && bytes <= max) return bytes;
        if (bytes < MIN_BYTES) throw tooSmall(text);
        throw new IllegalArgumentException("heap '" + abbreviate(text) + "' does not fit in the lab's own JVM, which may use "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: the simulated heap may be " + format(MIN_BYTES)
                + " to " + formatDown(max) + (max < MAX_SIMULATED_BYTES ? "; give the lab more with"
                + " RECLAIM_JAVA_OPTS=-Xmx<size> (up to the machine's " + formatDown(machineMemoryBytes()) + ")" : ""));
    }

    /**
     * Checks a heap a campaign's cells are to run with: a simulated heap is held by a cell JVM of
     * 256 MiB plus twice the heap, which must fit in the machine's memory (and in one
     * {@code long[]}); a {@code jvm:*} heap is that JVM's {@code -Xmx}, within the same bound.
     *
     * @throws IllegalArgumentException naming the allowed range
     */
    public static long checkForCells(long bytes, String text) {
        long max = maxCellHeapBytes();
        if (bytes < MIN_BYTES) throw tooSmall(text);
        if (bytes > max)
            throw new IllegalArgumentException("heap '" + abbreviate(text) + "' does not fit on this machine ("
                    + formatDown(machineMemoryBytes()) + " of memory; a cell's JVM holds 256m plus twice the heap): give "
                    + format(MIN_BYTES) + " to " + formatDown(max));
        return bytes;
    }

    /** The largest heap {@link #checkForCells} allows. */
    public static long maxCellHeapBytes() {
        return Math.max(MIN_BYTES, Math.min(MAX_SIMULATED_BYTES, (machineMemoryBytes() - (256L << 20)) / 2));
    }

    private static IllegalArgumentException tooSmall(String text) {
        return new IllegalArgumentException("heap '" + abbreviate(text) + "' is smaller than the smallest heap the lab runs, "
                + format(MIN_BYTES));
    }

    /** The machine's physical memory (the JVM's view of it: a container's limit where there is one). */
    public static long machineMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
            return os.getTotalMemorySize();
        return Runtime.getRuntime().maxMemory() * 4;
    }

    /** {@code bytes} rounded down to whole MiB, as {@code 64m}-style text. */
    private static String formatDown(long bytes) {
        return format(bytes >= 1 << 20 ? bytes & -(1L << 20) : bytes);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** {@code 64m}-style text for {@code bytes}, exact when it can be. */
    public static String format(long bytes) {
        if (bytes % (1L << 30) == 0) return bytes / (1L << 30) + "g";
        if (bytes % (1L << 20) == 0) return bytes / (1L << 20) + "m";
        if (bytes % (1L << 10) == 0) return bytes / (1L << 10) + "k";
        return Long.toString(bytes);
    }
}
