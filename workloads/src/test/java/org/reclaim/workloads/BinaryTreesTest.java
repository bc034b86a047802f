package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.workloads.run.Runner;

class BinaryTreesTest {

    /** Sum of checks for max depth 6: stretch (2^8 - 1) + 64 trees of depth 4 + 16 of depth 6 + the long-lived tree. */
    static final long TINY_CHECKSUM = 255 + 64 * 31 + 16 * 127 + 127;

    @Test
    void epsilonAndManualComputeTheSameChecksum() {
        RunRecord e = Runner.run(new Runner.Request("binary-trees", "tiny", "epsilon", 1 << 20, 1)).record();
        RunRecord m = Runner.run(new Runner.Request("binary-trees", "tiny", "manual", 1 << 20, 1)).record();
        assertThat(e.status()).isEqualTo(RunRecord.OK);
        assertThat(m.status()).isEqualTo(RunRecord.OK);
        assertThat(e.checksum()).isEqualTo(TINY_CHECKSUM);
        assertThat(m.checksum()).isEqualTo(TINY_CHECKSUM);
        assertThat(e.objectsAllocated()).isEqualTo(m.objectsAllocated()).isEqualTo(TINY_CHECKSUM);
    }

    @Test
    void manualFreesEveryObjectExactlyOnceAndLeaksNothing() {
        Manual m = new Manual(1 << 20, new PauseRecorder(0), false);
        BitSet freed = new BitSet();
        int[] twice = {0};
        m.onFree(id -> { if (freed.get(id)) twice[0]++; freed.set(id); });
        var r = Runner.run(new BinaryTrees(), 6, Map.of(), m, m.probe(),
                new Runner.Request("binary-trees", "tiny", "manual", 1 << 20, 1)).record();
        assertThat(r.status()).isEqualTo(RunRecord.OK);
        assertThat(twice[0]).isZero();
        assertThat(freed.cardinality()).isEqualTo((int) TINY_CHECKSUM);
        assertThat(freed.nextClearBit(1)).isEqualTo((int) TINY_CHECKSUM + 1);
        assertThat(r.leakedObjects()).isZero();
        assertThat(r.bytesFreed()).isEqualTo(r.bytesAllocated());
        assertThat(m.inUseBytes()).isZero();
    }

    @Test
    void aHeapTooSmallEndsTheRunOutOfMemoryNotWithACrash() {
        RunRecord r = Runner.run(new Runner.Request("binary-trees", "tiny", "epsilon", 64 * 1024, 1)).record();
        assertThat(r.status()).isEqualTo(RunRecord.OOM);
        assertThat(r.message()).contains("in a heap of 65536 bytes");
    }
}
