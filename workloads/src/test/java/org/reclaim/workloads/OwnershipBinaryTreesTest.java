package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.probe.PauseRecorder;

/** binary-trees, a correct Rust program: checked and trusted ownership free the same objects in the same order. */
class OwnershipBinaryTreesTest {

    private record Run(long checksum, List<Integer> frees, MemoryManager manager, PauseRecorder pauses) {}

    private static Run run(String manager) {
        PauseRecorder pauses = new PauseRecorder(Long.MAX_VALUE);
        MemoryManager m = Managers.find(manager).factory().create(8 << 20, pauses);
        List<Integer> frees = new ArrayList<>();
        m.onFree(frees::add);
        long checksum = new BinaryTrees().run(m, 6, 1, Map.of());
        m.finish();
        return new Run(checksum, frees, m, pauses);
    }

    @Test
    void checkedAndTrustedRunsFreeTheSameObjectsInTheSameOrderWithEpsilonsChecksum() {
        Run epsilon = run("epsilon");
        Run checked = run("ownership");
        Run trusted = run("ownership-trusted");

        assertThat(checked.checksum()).isEqualTo(epsilon.checksum());
        assertThat(trusted.checksum()).isEqualTo(epsilon.checksum());
        assertThat(checked.frees()).hasSize((int) epsilon.manager().objectsAllocated());
        assertThat(checked.frees()).doesNotHaveDuplicates();
        assertThat(trusted.frees()).isEqualTo(checked.frees());
        assertThat(checked.manager().leaks()).isEmpty();
        assertThat(trusted.manager().leaks()).isEmpty();
        assertThat(trusted.pauses().pauseCount()).isEqualTo(checked.pauses().pauseCount());
        assertThat(trusted.manager().counters().snapshot()).isEqualTo(checked.manager().counters().snapshot());
    }

    @Test
    void everyTreeIsOneDropGluePause() {
        Run r = run("ownership-trusted");
        int trees = 2;                                            // the stretch tree and the long-lived tree
        for (int depth = 4; depth <= 6; depth += 2) trees += 1 << (6 - depth + 4);
        assertThat(r.pauses().pauseCount()).isEqualTo(trees);
    }
}
