package org.reclaim.lab;

import java.util.Locale;

/** Heap sizes as people write them: {@code 64m}, {@code 1g}, {@code 512k}, {@code 4096} (bytes). */
public final class HeapSize {
    private HeapSize() {}

    /**
     * Bytes for {@code text}.
     *
     * @throws IllegalArgumentException saying what a heap size looks like
     */
    public static long parse(String text) {
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
            double v = Double.parseDouble(t);
            if (!(v > 0) || !t.matches("[0-9]+(\\.[0-9]+)?")) throw new NumberFormatException();
            return (long) (v * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("heap size '" + text + "' is not a positive size such as 4096, 512k, 64m or 1g");
        }
    }

    /** {@code 64m}-style text for {@code bytes}, exact when it can be. */
    public static String format(long bytes) {
        if (bytes % (1L << 30) == 0) return bytes / (1L << 30) + "g";
        if (bytes % (1L << 20) == 0) return bytes / (1L << 20) + "m";
        if (bytes % (1L << 10) == 0) return bytes / (1L << 10) + "k";
        return Long.toString(bytes);
    }
}
