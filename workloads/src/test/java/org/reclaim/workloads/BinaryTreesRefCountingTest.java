package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Managers;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.probe.PauseRecorder;

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

    @Test
    void deferredCountingMakesFewerCountOperationsThanNaive() {
        var naive = run("refcount").result().record().counters();
        var deferred = run("refcount-deferred").result().record().counters();
        long n = naive.get("counts.increments") + naive.get("counts.decrements");
        long d = deferred.get("counts.increments") + deferred.get("counts.decrements");
        assertThat(d).isLessThan(n);
        // naive counts each borrow of check() twice; deferred counts each slot store once instead of moving it
        assertThat(deferred.get("counts.increments")).isEqualTo(naive.get("counts.moved"));
        assertThat(deferred.get("counts.moved")).isZero();
    }
}
