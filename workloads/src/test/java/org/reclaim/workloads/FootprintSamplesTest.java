package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.epsilon.Epsilon;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.run.Runner;

/**
 * Footprint samples on the allocation clock are exact: under manual, bytes in use are bytes
 * allocated minus bytes freed at every sample; under epsilon, bytes allocated.
 */
class FootprintSamplesTest {
    private static final long EVERY = 4096;

    /** Records each sample beside the manager's own allocated and freed counts at that moment. */
    static final class Checking implements Probe {
        MemoryManager m;
        final List<long[]> samples = new ArrayList<>();

        @Override public void pause(PauseKind k, long s, long e, long o, long w, long b, long a) {}
        @Override public void footprint(long allocated, long inUse) {
            samples.add(new long[] {allocated, inUse, m.bytesAllocated(), m.bytesFreed()});
        }
        @Override public long sampleEveryBytes() { return EVERY; }
    }

    private static Checking run(java.util.function.Function<Probe, MemoryManager> make) {
        Checking probe = new Checking();
        MemoryManager m = make.apply(probe);
        probe.m = m;
        BinaryTrees w = new BinaryTrees();
        RunRecord r = Runner.run(w, 10, Map.of(), m, probe,
                new Runner.Request(w.name(), "custom", m.name(), 16L << 20, 1)).record();
        assertThat(r.status()).isEqualTo(RunRecord.OK);
        assertThat(probe.samples.size()).isGreaterThan(100);
        return probe;
    }

    @Test
    void underManualBytesInUseAreAllocatedMinusFreedAtEverySample() {
        Checking p = run(probe -> new Manual(16L << 20, probe, false));
        long previous = 0;
        for (long[] s : p.samples) {
            assertThat(s[0]).isEqualTo(s[2]);
            assertThat(s[1]).isEqualTo(s[2] - s[3]);
            assertThat(s[0] / EVERY).isGreaterThan(previous / EVERY);
            previous = s[0];
        }
        assertThat(p.samples).anySatisfy(s -> assertThat(s[3]).isPositive());
    }

    @Test
    void underEpsilonBytesInUseAreBytesAllocated() {
        Checking p = run(probe -> new Epsilon(16L << 20, probe));
        for (long[] s : p.samples) {
            assertThat(s[1]).isEqualTo(s[0]);
            assertThat(s[0]).isEqualTo(s[2]);
        }
    }
}
