package org.reclaim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report's readings state, in a form two reports can be compared by: every difference
 * between two managers a chart's reading states ({@link Difference}), and every verdict of
 * "Against the literature" that is {@code agrees} or {@code disagrees}. Two runs of the same
 * campaign agree when neither states a difference the other states the other way round, and no
 * claim agrees in one and disagrees in the other; "not distinguishable" (no difference) or
 * "cannot say" in one run contradicts nothing in the other.
 *
 * @param differences every difference stated, chart by chart
 * @param verdicts    each literature claim with a definite verdict ({@code agrees}, {@code disagrees})
 */
public record Readings(List<Difference> differences, Map<String, String> verdicts) {

    public Readings {
        differences = List.copyOf(differences);
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));    // in the report's order
    }

    /** What the report of {@code folder} states. */
    public static Readings of(ResultsFolder folder) {
        List<Difference> differences = new ArrayList<>();
        for (Figure f : Report.figures(folder)) if (f.hasData()) differences.addAll(f.differences());
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (AgainstTheLiterature.Claim c : AgainstTheLiterature.claims(folder))
            if (c.verdict().equals(AgainstTheLiterature.AGREES) || c.verdict().equals(AgainstTheLiterature.DISAGREES))
                verdicts.put(c.claim(), c.verdict());
        return new Readings(differences, verdicts);
    }

    /** Each statement of this report that {@code other} states the other way round, in words; empty when they agree. */
    public List<String> contradictions(Readings other) {
        List<String> out = new ArrayList<>();
        for (Difference d : differences)
            for (Difference o : other.differences)
                if (d.contradicts(o)) out.add(d + ", but the other report: " + o);
        verdicts.forEach((claim, verdict) -> {
            String theirs = other.verdicts.get(claim);
            if (theirs != null && !theirs.equals(verdict)) out.add("\"" + claim + "\" " + verdict + ", but the other report: " + theirs);
        });
        return out;
    }
}
