package org.reclaim.runtime.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every program correct under manual frees each object exactly once under every counter, and the same objects. */
class ManualEquivalenceTest {
    static final long HEAP = 1 << 20;

    static List<Programs.Program> correctUnderManual() {
        return List.of(Programs::trees, Programs::queue, Programs::sharedChild, Programs::growingVec, Programs::weakParent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount", "refcount-deferred", "refcount+cycles", "refcount-deferred+cycles", "refcount-atomic"})
    void freesTheSameObjectsAsManualEachExactlyOnce(String manager) {
        for (Programs.Program p : correctUnderManual()) {
            var manual = Programs.run("manual", HEAP, p);
            assertThat(manual.manager().leaks()).isEmpty();
            var counted = Programs.run(manager, HEAP, p);
            LeakTest.assertNoObjectFreedTwice(manual);
            LeakTest.assertNoObjectFreedTwice(counted);
            assertThat(counted.freedIds()).isEqualTo(manual.freedIds());
            assertThat(counted.manager().leaks()).isEmpty();
            assertThat(counted.manager().inUseBytes()).isZero();
            assertThat(counted.manager().bytesFreed()).isEqualTo(manual.manager().bytesFreed());
        }
    }
}
