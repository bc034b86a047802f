package org.reclaim.runtime.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.PauseKind;

/** What each counter leaks: exactly the unreachable cycles and what only they reach, unless cycles are collected. */
class LeakTest {
    static final long HEAP = 1 << 20;

    static List<Programs.Program> leaking() {
        return List.of(Programs.ring(10), Programs.doublyLinked(10, SlotKind.SHARED), Programs.randomGraph(7, 60, 90, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount", "refcount-atomic", "refcount-deferred"})
    void withoutCyclesExactlyTheUnreachableCyclesAndWhatOnlyTheyReachLeak(String manager) {
        for (Programs.Program p : leaking()) {
            BitSet expected = Programs.run("refcount", HEAP, p).expectedLeaks();
            var run = Programs.run(manager, HEAP, p);
            assertThat(expected.cardinality()).isPositive();
            assertThat(run.leakedIds()).isEqualTo(expected);
            assertNoObjectFreedTwice(run);
            BitSet everything = run.freedIds();
            everything.or(run.leakedIds());
            assertThat(everything.cardinality()).isEqualTo((int) run.manager().objectsAllocated());
        }
    }

    @Test
    void aLeakedRingIsEveryNodeOfTheRing() {
        var run = Programs.run("refcount", HEAP, Programs.ring(10));
        assertThat(run.leakedIds()).isEqualTo(BitSet.valueOf(new long[] {0b111_1111_1110L}));
        assertThat(run.manager().leaks()).allSatisfy(l -> assertThat(l.shape()).isEqualTo("Node"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount+cycles", "refcount-deferred+cycles"})
    void withCyclesNothingLeaksAndEveryObjectIsFreedOnce(String manager) {
        for (Programs.Program p : leaking()) {
            var run = Programs.run(manager, HEAP, p);
            assertThat(run.manager().leaks()).isEmpty();
            assertNoObjectFreedTwice(run);
            assertThat(run.freed()).hasSize((int) run.manager().objectsAllocated());
            assertThat(run.manager().inUseBytes()).isZero();
            assertThat(run.recorder().pauseCount()).isPositive();
            boolean collected = false;
            for (int i = 0; i < run.recorder().pauseCount(); i++)
                collected |= run.recorder().pauseKind(i) == PauseKind.CYCLE_COLLECTION && run.recorder().pauseObjects(i) > 0;
            assertThat(collected).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"refcount", "refcount-deferred", "refcount-atomic"})
    void weakBackPointersLeakNothingEvenWithoutCycleCollection(String manager) {
        var run = Programs.run(manager, HEAP, Programs.doublyLinked(50, SlotKind.WEAK));
        assertThat(run.manager().leaks()).isEmpty();
        assertThat(run.freed()).hasSize(50);
        assertThat(run.manager().inUseBytes()).isZero();
    }

    static void assertNoObjectFreedTwice(Programs.Run run) {
        Set<Integer> seen = new HashSet<>();
        for (int id : run.freed()) assertThat(seen.add(id)).as("object #%d freed twice", id).isTrue();
    }
}
