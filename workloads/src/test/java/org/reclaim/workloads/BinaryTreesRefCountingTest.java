package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.workloads.run.Runner;

/** binary-trees under the reference counters: manual's result, manual's frees, and deferred's saving. */
class BinaryTreesRefCountingTest {
    static final long HEAP = 4L << 20;
    static final int DEPTH = 8;

    record Freed(Runner.Result result, List<Integer> ids) {}

    static Freed run(String manager) {
        PauseRecorder rec = new PauseRecorder(0);
        MemoryManager m = Managers.find(manager).factory().create(HEAP, rec);
        List<Integer> ids = new ArrayList<>();
        m.onFree(ids::add);
        Runner.Request req = new Runner.Request("binary-trees", "tiny", manager, HEAP, 1);
        return new Freed(Runner.run(new BinaryTrees(), DEPTH, Map.of(), m, rec, req), ids);
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount", "refcount-deferred", "refcount+cycles", "refcount-deferred+cycles", "refcount-atomic"})
    void freesEveryObjectManualFreesExactlyOnceWithTheSameChecksum(String manager) {
        Freed manual = run("manual");
        Freed counted = run(manager);
        assertThat(counted.result().record().status()).isEqualTo("ok");
        assertThat(counted.result().record().checksum()).isEqualTo(manual.result().record().checksum());
        assertThat(new HashSet<>(counted.ids())).hasSize(counted.ids().size()).isEqualTo(new HashSet<>(manual.ids()));
        assertThat(counted.ids()).hasSize((int) counted.result().record().objectsAllocated());
        assertThat(counted.result().record().leakedObjects()).isZero();
    }

    /**
     * Per tree of N nodes (N - 1 of them below an internal node), naive counting makes 8N - 4
     * operations: each node's allocation (+1) and return (+1 -1); each non-root node's put (+1
     * the store, -1 the local) and its borrow by check (+1, -1 at check's end) and its slot
     * cleared by the drop's cascade (-1); the root's drop (-1). Deferred counting keeps only the
     * heap's: the put (+1) and the cascade (-1), 2N - 2. At depth 8: 338 trees of 25,774 nodes.
     */
    @Test
    void deferredCountingRemovesTheStacksCountOperations() {
        var naive = run("refcount").result().record();
        var deferred = run("refcount-deferred").result().record();
        assertThat(naive.objectsAllocated()).isEqualTo(deferred.objectsAllocated()).isEqualTo(25_774);
        assertThat(naive.counters()).containsEntry("counts.increments", 4 * 25_774L - 2 * 338)
                .containsEntry("counts.decrements", 4 * 25_774L - 2 * 338);
        assertThat(deferred.counters()).containsEntry("counts.increments", 25_774L - 338)
                .containsEntry("counts.decrements", 25_774L - 338);
    }
}
