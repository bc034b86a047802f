package org.reclaim.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deterministic work counters (objects marked, words copied, counts changed, ...). A manager
 * defines its counters once, keeps the returned indices in final fields, and adds to them on its
 * paths: an array store, nothing allocated. The same seed gives the same counters on any machine.
 */
public final class Counters {
    private String[] names = new String[0];
    /** The values, indexed by what {@link #define} returned. */
    public long[] values = new long[0];

    /** Defines a counter (a dotted lower-case name such as {@code "objects.marked"}); returns its index. */
    public int define(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        names = Arrays.copyOf(names, names.length + 1);
        values = Arrays.copyOf(values, values.length + 1);
        names[names.length - 1] = name;
        return names.length - 1;
    }

    /** Adds {@code n} to counter {@code i}. */
    public void add(int i, long n) { values[i] += n; }

    /** Adds 1 to counter {@code i}. */
    public void inc(int i) { values[i]++; }

    /** The value of the counter named {@code name}, or 0 if there is none. */
    public long get(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[i];
        return 0;
    }

    /** All counters, in definition order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], values[i]);
        return m;
    }
}
