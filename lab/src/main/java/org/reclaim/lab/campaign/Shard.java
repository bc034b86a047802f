package org.reclaim.lab.campaign;

/**
 * A deterministic share of a campaign's cells: shard {@code i} of {@code n} runs the cells whose
 * 0-based position in {@link Campaign#cells()} is {@code i - 1} modulo {@code n}. Shards 1..n
 * together run every cell exactly once, on any machines, in any order.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
public record Shard(int index, int count) {
    /** The whole campaign. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count)
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: write i/n with 1 <= i <= n");
    }

    /**
     * Parses {@code i/n}.
     *
     * @throws IllegalArgumentException saying what a shard looks like
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("shard '" + text + "' is not i/n, for example 2/4 (the second of four shards)");
    }

    /** Whether the cell at 0-based {@code position} belongs to this shard. */
    public boolean includes(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() { return index + "/" + count; }
}
