package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelativeToManualTest {
    @TempDir Path dir;

    private static final double[] PAUSES = {0.1, 0.2, 0.5, 1.0}, MMU = {0.5, 0.8, 0.95};

    @Test
    void aHeapWhereTheCollectorRanOutOfMemoryIsMarkedAndNotBridged() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            for (int rep = 1; rep <= 3; rep++) {
                for (int h = 1; h <= 3; h++) r.ok("binary-trees", "manual", h, rep, 10, 1, PAUSES, MMU);
                r.ok("binary-trees", "semispace", 1, rep, 30, 20, PAUSES, MMU);
                r.failed("binary-trees", "semispace", 2, rep, "oom", "out of memory");
                r.ok("binary-trees", "semispace", 3, rep, 12 + rep, 3, PAUSES, MMU);
            }
        }
        Figure f = RelativeToManual.of(ResultsFolder.read(dir), new Benchmark("binary-trees", "tiny", ""), RelativeToManual.Measure.TIME);
        assertThat(f.series("semispace").x()).containsExactly(1);
        assertThat(f.series("semispace").y()).containsExactly(3);
        assertThat(f.series("semispace (after 2×)").x()).containsExactly(3);
        assertThat(f.series("semispace (after 2×)").y()).containsExactly(1.4);
        assertThat(f.series("semispace out of memory").x()).containsExactly(2);
        assertThat(f.series("semispace out of memory").role()).isEqualTo(Figure.Role.FAILED);
        assertThat(f.series("manual = 1").y()).containsExactly(1, 1);
        assertThat(f.reading()).isEqualTo("binary-trees tiny, run time relative to manual: semispace: 3.00× at 1×, 1.40× [1.17, 1.67] at 3×"
                + " (slower than manual there); out of memory at 2×.");
    }
}
