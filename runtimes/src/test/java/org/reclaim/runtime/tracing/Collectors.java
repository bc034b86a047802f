package org.reclaim.runtime.tracing;

import java.util.List;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.runtime.tracing.immix.Immix;

/** The tracing collectors by name, for tests that run under each. */
final class Collectors {
    private Collectors() {}

    static final List<String> NAMES = List.of("mark-sweep", "mark-compact", "semispace", "generational", "immix");

    static TracingCollector create(String name, long heapBytes, Probe probe) {
        return switch (name) {
            case "mark-sweep" -> new MarkSweep(heapBytes, probe);
            case "mark-compact" -> new MarkCompact(heapBytes, probe);
            case "semispace" -> new SemiSpace(heapBytes, probe);
            case "generational" -> new Generational(heapBytes, probe);
            case "immix" -> new Immix(heapBytes, probe);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
