package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reclaim.runtime.NearestNames;

/** A workload's own parameters: the given values checked against its declared ones, defaults filled in. */
public final class Parameters {
    private Parameters() {}

    /**
     * @throws IllegalArgumentException naming the nearest parameter for an unknown one, or the
     *         values a parameter takes for a value it does not
     */
    public static Map<String, String> resolve(Workload w, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>(w.parameters());
        for (var e : given.entrySet()) {
            if (!w.parameters().containsKey(e.getKey())) {
                if (w.parameters().isEmpty())
                    throw new IllegalArgumentException("workload " + w.name() + " takes no parameters, but '" + e.getKey() + "' was given");
                throw new IllegalArgumentException(NearestNames.unknown("parameter of " + w.name(), e.getKey(), w.parameters().keySet()));
            }
            out.put(e.getKey(), e.getValue());
        }
        w.checkParameters(out);
        return out;
    }
}
