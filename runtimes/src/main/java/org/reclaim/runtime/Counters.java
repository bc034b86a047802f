package org.reclaim.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Deterministic work counters (objects marked, words copied, counts changed, ...). A manager
 * defines its counters once, keeps the returned indices in final fields, and adds to them on its
 * paths: an array store, nothing allocated. The same seed gives the same counters on any machine.
 *
 * <p>A hot counter lives in a plain field of its owner (the contract's operation counts, an
 * allocator's work) and is published here with {@link #defineDerived}: read only when the counters
 * are read. Every name is listed with its side and unit in {@code docs/measurement.md}.
 */
public final class Counters {
    private String[] names = new String[0];
    /** The values, indexed by what {@link #define} returned. */
    private long[] values = new long[0];

    /** Defines a counter (a dotted lower-case name such as {@code "objects.marked"}); returns its index. */
    public int define(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        for (String n : derivedNames) if (n.equals(name)) throw new IllegalStateException("counter " + name + " is already derived");
        names = Arrays.copyOf(names, names.length + 1);
        values = Arrays.copyOf(values, values.length + 1);
        names[names.length - 1] = name;
        return names.length - 1;
    }

    private String[] derivedNames = new String[0];
    private LongSupplier[] derived = new LongSupplier[0];

    /**
     * Publishes a counter kept elsewhere (a field of a hot path) under {@code name}: its value is
     * read from {@code source} whenever the counters are read. Call once per name, at construction.
     */
    public void defineDerived(String name, LongSupplier source) {
        for (String n : names) if (n.equals(name)) throw new IllegalStateException("counter " + name + " is defined twice");
        for (String n : derivedNames) if (n.equals(name)) throw new IllegalStateException("counter " + name + " is defined twice");
        derivedNames = Arrays.copyOf(derivedNames, derivedNames.length + 1);
        derived = Arrays.copyOf(derived, derived.length + 1);
        derivedNames[derivedNames.length - 1] = name;
        derived[derived.length - 1] = source;
    }

    /** Adds {@code n} to counter {@code i}. */
    public void add(int i, long n) { values[i] += n; }

    /** Adds 1 to counter {@code i}. */
    public void inc(int i) { values[i]++; }

    /** The value of counter {@code i} (what {@link #define} returned). */
    public long value(int i) { return values[i]; }

    /** The value of the counter named {@code name}, or 0 if there is none. */
    public long get(String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[i];
        for (int i = 0; i < derivedNames.length; i++) if (derivedNames[i].equals(name)) return derived[i].getAsLong();
        return 0;
    }

    /** All counters: those defined in definition order, then the derived ones in theirs. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) m.put(names[i], values[i]);
        for (int i = 0; i < derivedNames.length; i++) m.put(derivedNames[i], derived[i].getAsLong());
        return m;
    }
}
