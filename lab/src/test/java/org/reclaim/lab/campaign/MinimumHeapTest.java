package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimumHeapTest {
    @TempDir Path dir;

    @Test
    void bisectionFindsTheThresholdToOnePercent() {
        long need = 3_456_789;
        long found = MinimumHeap.search(b -> b >= need, 16 << 10, MinimumHeap.MAX_BYTES);
        assertThat(found).isBetween(need, need + need / 100);
        assertThat(found % 8).isZero();
    }

    @Test
    void bisectionOfALargeHeapStopsWithin64KiB() {
        long need = 900L << 20;
        long found = MinimumHeap.search(b -> b >= need, 16 << 10, MinimumHeap.MAX_BYTES);
        assertThat(found).isBetween(need, need + (64 << 10));
    }

    @Test
    void aSearchedHeapIsCachedInTheFolderAndReused() {
        AtomicInteger probes = new AtomicInteger();
        List<String> log = new ArrayList<>();
        MinimumHeap first = MinimumHeap.in(dir, log::add);
        long a = first.of("binary-trees", "tiny", Map.of(), 1, "manual", 16 << 10, 1L << 30, b -> { probes.incrementAndGet(); return b >= 10_000; });
        int searched = probes.get();
        long b = MinimumHeap.in(dir, log::add).of("binary-trees", "tiny", Map.of(), 1, "manual", 16 << 10, 1L << 30,
                x -> { probes.incrementAndGet(); return true; });
        assertThat(b).isEqualTo(a);
        assertThat(probes.get()).isEqualTo(searched);
        assertThat(dir.resolve(MinimumHeap.FILE_NAME)).exists();
    }
}
