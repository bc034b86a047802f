package org.reclaim.lab.campaign;

import java.math.BigDecimal;
import java.util.Locale;
import org.reclaim.lab.input.HeapSize;

/**
 * A heap size as a campaign file gives it: bytes ({@code 64m}) or a multiple of the workload's
 * minimum heap ({@code 2x}, {@code 1.25x}).
 *
 * @param text     the normalised form: {@code 64m}, {@code 2x}, {@code 1.25x} (the cell key holds it)
 * @param bytes    the size in bytes, or 0 for a multiple
 * @param multiple the multiple, or 0 for bytes
 */
public record HeapSpec(String text, long bytes, double multiple) {

    /** Whether this is a multiple of the minimum heap. */
    public boolean isMultiple() { return multiple > 0; }

    /** The bytes this heap stands for, given the workload's minimum heap (rounded up to whole words). */
    public long resolve(long minHeapBytes) {
        return isMultiple() ? (long) Math.ceil(minHeapBytes * multiple / Long.BYTES) * Long.BYTES : bytes;
    }

    /**
     * This heap if a campaign's cells can run it: bytes within {@link HeapSize#checkForCells}, a
     * multiple no larger than 100x.
     *
     * @param written the heap as the file writes it, for the message
     * @throws IllegalArgumentException naming the allowed range
     */
    public HeapSpec checked(String written) {
        if (isMultiple()) {
            if (multiple <= CampaignFile.MAX_MULTIPLE) return this;
            throw new IllegalArgumentException("heap '" + written + "' is more than " + CampaignFile.MAX_MULTIPLE_TEXT
                    + " the minimum heap; give a multiple above 0x and up to " + CampaignFile.MAX_MULTIPLE_TEXT);
        }
        HeapSize.checkForCells(bytes, written);
        return this;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what a heap looks like
     */
    public static HeapSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("x")) {
            String n = t.substring(0, t.length() - 1);
            if (n.matches("[0-9]{1,9}(\\.[0-9]{1,9})?") && Double.parseDouble(n) > 0) {
                BigDecimal m = new BigDecimal(n).stripTrailingZeros();
                return new HeapSpec(m.toPlainString() + "x", 0, m.doubleValue());
            }
        } else {
            try {
                long bytes = HeapSize.parse(t);
                if (bytes > 0) return new HeapSpec(HeapSize.format(bytes), bytes, 0);
            } catch (IllegalArgumentException e) {
                // falls through to the one message below
            }
        }
        throw new IllegalArgumentException("heap '" + (text.length() <= 40 ? text : text.substring(0, 37) + "...") + "' is neither a size in bytes (4096, 512k, 64m, 1g) nor a"
                + " positive multiple of the workload's minimum heap (1.25x, 2x, 6x)");
    }
}
