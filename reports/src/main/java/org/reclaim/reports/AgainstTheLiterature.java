package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reclaim.analysis.cost.CostWeights;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.stats.Estimate;

/**
 * The report's "Against the literature" section: published findings beside the lab's figures for
 * the same question, each with a verdict computed from the numbers: {@code agrees},
 * {@code disagrees}, or {@code cannot say} (the campaign did not run what the claim needs, or the
 * 95% intervals do not separate). Run times are compared by their intervals; costs, counts and
 * leaks are deterministic and compared exactly.
 */
final class AgainstTheLiterature {
    private AgainstTheLiterature() {}

    static final String AGREES = "agrees", DISAGREES = "disagrees", CANNOT_SAY = "cannot say";

    private static final String HB = "Hertz & Berger, \"Quantifying the performance of garbage collection vs. explicit memory management\", OOPSLA 2005";
    private static final String BCM = "Blackburn, Cheng & McKinley, \"Myths and realities: the performance impact of garbage collection\", SIGMETRICS 2004";
    private static final String DB = "Deutsch & Bobrow, \"An efficient, incremental, automatic garbage collector\", CACM 1976";
    private static final String BM = "Blackburn & McKinley, \"Ulterior reference counting: fast garbage collection without a long wait\", OOPSLA 2003";
    private static final String SBF = "Shahriyar, Blackburn & Frampton, \"Down for the count? Getting reference counting back in the ring\", ISMM 2012";
    private static final String BR = "Bacon & Rajan, \"Concurrent cycle collection in reference counted systems\", ECOOP 2001";

    /**
     * One claim.
     *
     * @param claim     what the literature found, in a sentence
     * @param source    where
     * @param published the published figure, or the finding's words
     * @param lab       the lab's figure for the same question
     * @param verdict   {@link #AGREES}, {@link #DISAGREES} or {@link #CANNOT_SAY}, with the reason after a colon when it cannot say
     */
    record Claim(String claim, String source, String published, String lab, String verdict) {
        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("claim", claim);
            m.put("source", source);
            m.put("published", published);
            m.put("lab", lab);
            m.put("verdict", verdict);
            return m;
        }
    }

    /** Every claim, for the benchmarks of {@code folder} that can speak to it. */
    static List<Claim> claims(ResultsFolder folder) {
        List<Claim> out = new ArrayList<>();
        for (Benchmark b : folder.benchmarks()) {
            if (folder.ok(b).stream().noneMatch(r -> r.key().manager().equals(RelativeToManual.REFERENCE))) continue;
            out.addAll(hertzBerger(folder, b));
            out.addAll(nursery(folder, b));
            out.addAll(deferral(folder, b));
            out.addAll(cycles(folder, b));
        }
        out.add(bumpAllocation());
        return out;
    }

    // ---- Hertz & Berger 2005 ----

    private static List<Claim> hertzBerger(ResultsFolder folder, Benchmark b) {
        List<Claim> out = new ArrayList<>();
        var time = RelativeToManual.ratios(folder, b, RelativeToManual.Measure.TIME);
        var cost = RelativeToManual.ratios(folder, b, RelativeToManual.Measure.COST);
        var footprint = RelativeToManual.ratios(folder, b, RelativeToManual.Measure.FOOTPRINT);
        boolean multiples = RunTimeVsHeap.multiples(folder.ok(b));
        for (String gc : List.of("generational", "mark-sweep")) {
            TreeMap<Double, Estimate> t = time.get(gc), c = cost.get(gc), f = footprint.get(gc);
            if (t == null) continue;
            String label = b.label() + ", " + gc + " / manual";
            out.add(new Claim("A tracing collector's run time relative to explicit management falls as the heap grows (" + label + ")",
                    HB, "generational mark-sweep against Lea's allocator: about 1.7× at 2× the heap, 1.17× at 3×, 1.0× at 5× (abstract)",
                    span(t, multiples), falls(t)));
            if (c != null && c.size() > 1)
                out.add(new Claim("The same, on the lab's deterministic cost (" + label + ")", HB, "as above",
                        span(c, multiples), c.lastEntry().getValue().median() < c.firstEntry().getValue().median() ? AGREES : DISAGREES));
            var at2 = t.get(2.0);
            out.add(new Claim("With twice the minimum heap, the collector runs about 70% longer than explicit management (" + label + ")",
                    HB, "≈ " + Quantities.significant(HB_AT_2X) + "×", at2 == null ? "no cell at 2×" : ratio(at2),
                    at2 == null || !multiples ? CANNOT_SAY + ": the campaign ran no 2× heap" : against(at2, HB_AT_2X)));
            var large = t.ceilingEntry(5.0);
            out.add(new Claim("With five times the minimum heap or more, the collector is at least as fast as explicit management (" + label + ")",
                    HB, "≈ 1.0× at 5×", large == null || !multiples ? "no cell at 5× or more" : ratio(large.getValue()) + " at " + Quantities.heap(large.getKey(), true),
                    large == null || !multiples ? CANNOT_SAY + ": the campaign ran no heap of 5× or more" : atLeastAsFast(large.getValue())));
            if (f != null)
                out.add(new Claim("A tracing collector needs more memory than explicit management for the same program (" + label + ")",
                        HB, "the collector's footprint is larger at every heap that matches explicit run time",
                        span(f, multiples), f.values().stream().allMatch(e -> e.median() > 1) ? AGREES : DISAGREES));
        }
        return out;
    }

    /** Hertz & Berger's slowdown at twice the minimum heap. */
    static final double HB_AT_2X = 1.7;

    /**
     * A published ratio above 1 against the lab's interval: agrees when the interval holds it and
     * not 1 (the lab also finds a penalty, of that size); disagrees when it does not hold it;
     * cannot say when it holds both 1 and the published ratio.
     */
    private static String against(Estimate lab, double published) {
        if (!lab.hasInterval()) return CANNOT_SAY + ": one repetition has no interval";
        boolean holdsPublished = lab.low() <= published && published <= lab.high(), holdsOne = lab.low() <= 1 && 1 <= lab.high();
        if (!holdsPublished) return DISAGREES;
        return holdsOne ? CANNOT_SAY + ": the interval holds both 1 and " + Quantities.significant(published) : AGREES;
    }

    /**
     * "At least as fast": agrees when the interval lies below 1 or holds 1 but not the 2× penalty;
     * disagrees when it lies above 1; cannot say when it holds both 1 and the 2× penalty.
     */
    private static String atLeastAsFast(Estimate lab) {
        if (!lab.hasInterval()) return CANNOT_SAY + ": one repetition has no interval";
        if (lab.low() > 1) return DISAGREES;
        return lab.high() >= HB_AT_2X ? CANNOT_SAY + ": the interval holds both 1 and " + Quantities.significant(HB_AT_2X) : AGREES;
    }

    /** {@code 1.52× at 1.25× … 1.01× at 6×}, with intervals where there are. */
    private static String span(TreeMap<Double, Estimate> r, boolean multiples) {
        String first = ratio(r.firstEntry().getValue()) + " at " + Quantities.heap(r.firstKey(), multiples);
        return r.size() == 1 ? first : first + " … " + ratio(r.lastEntry().getValue()) + " at " + Quantities.heap(r.lastKey(), multiples);
    }

    private static String ratio(Estimate e) {
        return Quantities.significant(e.median()) + "×"
                + (e.hasInterval() && e.high() > e.low() ? " [" + Quantities.significant(e.low()) + ", " + Quantities.significant(e.high()) + "]" : "");
    }

    /** Agrees when the largest heap's interval lies wholly below the smallest's, disagrees when wholly above. */
    private static String falls(TreeMap<Double, Estimate> r) {
        if (r.size() < 2) return CANNOT_SAY + ": only one heap ran";
        Estimate small = r.firstEntry().getValue(), large = r.lastEntry().getValue();
        if (!small.hasInterval() || !large.hasInterval()) return CANNOT_SAY + ": one repetition has no interval";
        return switch (large.compareTo(small)) {
            case LOWER -> AGREES;
            case HIGHER -> DISAGREES;
            case NOT_DISTINGUISHABLE -> CANNOT_SAY + ": the intervals overlap at " + Math.min(small.count(), large.count()) + " repetitions";
        };
    }

    // ---- Blackburn, Cheng & McKinley 2004 ----

    private static List<Claim> nursery(ResultsFolder folder, Benchmark b) {
        boolean multiples = RunTimeVsHeap.multiples(folder.ok(b));
        var est = RunTimeVsHeap.estimates(folder, folder.ok(b).stream().filter(r -> r.metrics().containsKey("cost.manager")).toList(),
                multiples, r -> r.metrics().get("cost.manager"));
        TreeMap<Double, Estimate> gen = est.get("generational"), ms = est.get("mark-sweep");
        if (gen == null || ms == null) return List.of();
        Double x = gen.keySet().stream().filter(ms::containsKey).findFirst().orElse(null);
        if (x == null) return List.of();
        double g = gen.get(x).median(), m = ms.get(x).median();
        return List.of(new Claim("A copying nursery does less collection work than a whole-heap mark-sweep in a small heap (" + b.label() + ")",
                BCM, "generational collectors with a copying nursery outperform whole-heap mark-sweep, most of all in small heaps",
                "cost.manager at " + Quantities.heap(x, multiples) + ": generational " + Quantities.significant(g / 1e6) + " ms, mark-sweep "
                        + Quantities.significant(m / 1e6) + " ms", g < m ? AGREES : DISAGREES));
    }

    private static Claim bumpAllocation() {
        CostWeights w = CostWeights.shipped();
        CostWeights.Row bump = w.row("alloc.bump"), freeList = w.row("alloc.free-list");
        return new Claim("Bump-pointer allocation is cheaper than free-list allocation", BCM,
                "contiguous (bump) allocation is faster than a free list and gives the mutator better locality",
                "calibration (" + w.meta().getOrDefault("calibrated", "?") + "): bump " + Quantities.significant(bump.nsPerUnit())
                        + " ns, glibc malloc " + Quantities.significant(freeList.nsPerUnit()) + " ns per object",
                bump.nsPerUnit() < freeList.nsPerUnit() ? AGREES : DISAGREES);
    }

    // ---- reference counting ----

    /**
     * Deferral's two claims, on {@code rc.ops.per.object}: it removes the count operations of the
     * stack's references (fewer per object), and those are most of them (at most half remain).
     * Results of a build that did not count every reference copy (no such metric) cannot say.
     */
    private static List<Claim> deferral(ResultsFolder folder, Benchmark b) {
        ResultRow naive = first(folder, b, "refcount"), deferred = first(folder, b, "refcount-deferred");
        if (naive == null || deferred == null) return List.of();
        Double n = naive.metrics().get(OPS_PER_OBJECT), d = deferred.metrics().get(OPS_PER_OBJECT);
        String lab = n == null || d == null ? "no " + OPS_PER_OBJECT + " in the results"
                : String.format(java.util.Locale.ROOT, "count operations per object: naive %s, deferred %s (%s fewer)",
                        Quantities.significant(n), Quantities.significant(d), Quantities.percent(1 - d / n));
        String old = CANNOT_SAY + ": the results come from a build that did not count every copy of a reference";
        return List.of(
                new Claim("Deferred counting removes the count operations of local references (" + b.label() + ")", DB,
                        "locals are not counted; a zero-count table finds the dead instead", lab,
                        n == null || d == null ? old : d < n ? AGREES : DISAGREES),
                new Claim("Most count operations are the stack's, so deferral removes most of them (" + b.label() + ")",
                        BM + "; " + SBF,
                        "counting every copy is dominated by the stack's and registers' references; deferring them is what makes reference counting competitive",
                        lab, n == null || d == null ? old : 2 * d <= n ? AGREES : DISAGREES));
    }

    /** The run record's count operations per object allocated, under the definitions of {@code docs/architecture.md}. */
    private static final String OPS_PER_OBJECT = "rc.ops.per.object";

    private static List<Claim> cycles(ResultsFolder folder, Benchmark b) {
        ResultRow naive = first(folder, b, "refcount"), cycles = first(folder, b, "refcount+cycles");
        if (naive == null || cycles == null || naive.leakedBytes() == 0) return List.of();
        return List.of(new Claim("Plain reference counting cannot free cycles; trial deletion frees them (" + b.label() + ")", BR,
                "synchronous cycle collection reclaims the garbage cycles counting leaves behind",
                "leaked: refcount " + Quantities.bytes(naive.leakedBytes()) + ", refcount+cycles " + Quantities.bytes(cycles.leakedBytes()),
                cycles.leakedBytes() == 0 ? AGREES : DISAGREES));
    }

    /** The first ok row of {@code b} under {@code manager} (counts and leaks are the same in every repetition). */
    private static ResultRow first(ResultsFolder folder, Benchmark b, String manager) {
        return folder.ok(b).stream().filter(r -> r.key().manager().equals(manager)).findFirst().orElse(null);
    }
}
