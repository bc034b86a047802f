package org.reclaim.workloads.scenarios;

import java.util.List;
import org.reclaim.runtime.NearestNames;
import org.reclaim.workloads.Workloads;

/** The seed scenarios: the workloads that are {@link Scenario}s, by name. */
public final class Scenarios {
    private Scenarios() {}

    /** Every scenario, in the order {@code lab list} prints them. */
    public static List<Scenario> all() {
        return Workloads.all().stream().filter(w -> w instanceof Scenario).map(w -> (Scenario) w).toList();
    }

    public static List<String> names() { return all().stream().map(Scenario::name).toList(); }

    /**
     * The scenario named {@code name}.
     *
     * @throws IllegalArgumentException naming the nearest scenarios if there is none
     */
    public static Scenario find(String name) {
        for (Scenario s : all()) if (s.name().equals(name)) return s;
        if (Workloads.names().contains(name))
            throw new IllegalArgumentException("'" + name + "' is a benchmark workload, not a scenario (explain runs scenarios: "
                    + String.join(", ", names()) + ")");
        throw new IllegalArgumentException(NearestNames.unknown("scenario", name, names()));
    }
}
