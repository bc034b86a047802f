package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.jvm.JavaHeap;
import org.reclaim.workloads.run.Runner;

/**
 * account-ledger, the Java-style workload: its pinned checksums, and what reference counting pays
 * for the references Java code copies on the stack (issue 15's done-when: naive counting makes at
 * least three count operations per object, and deferral removes at least half of them).
 */
class AccountLedgerTest {
    static final long HEAP = 16L << 20;
    static final long TINY_CHECKSUM = 1108014673290691753L, SMALL_CHECKSUM = 1889888683913429064L;

    static RunRecord run(String size, String manager) {
        return Runner.run(new Runner.Request("account-ledger", size, manager, HEAP, 1)).record();
    }

    static long countOperations(RunRecord r) {
        return r.counters().get("counts.increments") + r.counters().get("counts.decrements");
    }

    @Test
    void naiveCountingCountsTheStacksCopiesAndDeferralRemovesMostOfThem() {
        RunRecord naive = run("tiny", "refcount"), deferred = run("tiny", "refcount-deferred");
        assertThat(naive.checksum()).isEqualTo(deferred.checksum()).isEqualTo(TINY_CHECKSUM);
        assertThat(naive.objectsAllocated()).isEqualTo(deferred.objectsAllocated()).isEqualTo(1094);
        assertThat(naive.objectsFreed()).isEqualTo(deferred.objectsFreed()).isEqualTo(1094);
        // every reference copied is uncopied again: increments and decrements balance at the end
        assertThat(naive.counters()).containsEntry("counts.increments", 11_791L).containsEntry("counts.decrements", 11_791L);
        assertThat(deferred.counters()).containsEntry("counts.increments", 1_759L).containsEntry("counts.decrements", 1_759L);

        assertThat(countOperations(naive)).isGreaterThanOrEqualTo(3 * naive.objectsAllocated());
        assertThat(2 * countOperations(deferred)).isLessThanOrEqualTo(countOperations(naive));
        assertThat(naive.metrics().get("rc.ops.per.object")).isEqualTo(23_582 / 1094.0);
        assertThat(deferred.metrics().get("rc.ops.per.object")).isEqualTo(3_518 / 1094.0);
    }

    @Test
    void atSmallTheChecksumIsPinnedAndTheRatiosHold() {
        RunRecord naive = run("small", "refcount"), deferred = run("small", "refcount-deferred");
        assertThat(naive.checksum()).isEqualTo(deferred.checksum()).isEqualTo(SMALL_CHECKSUM);
        assertThat(naive.objectsAllocated()).isEqualTo(139_594);
        assertThat(countOperations(naive)).isEqualTo(2 * 1_550_273L);
        assertThat(countOperations(deferred)).isEqualTo(2 * 227_276L);
    }

    @Test
    void ownershipMovesCostNoCountAndTracingKeepsNone() {
        RunRecord ownership = run("tiny", "ownership");
        assertThat(ownership.checksum()).isEqualTo(TINY_CHECKSUM);
        assertThat(ownership.metrics()).containsEntry("rc.ops.per.object", 0.0);
        assertThat(run("tiny", "mark-sweep").metrics()).doesNotContainKey("rc.ops.per.object");
    }

    @Test
    void onJavaObjectsItGivesTheSimulatedChecksumAndAllocationCount() {
        AccountLedger w = new AccountLedger();
        JavaHeap heap = new JavaHeap();
        assertThat(w.run(heap, w.sizes().get("tiny"), 1, Map.of())).isEqualTo(TINY_CHECKSUM);
        assertThat(heap.objectsAllocated()).isEqualTo(1094);
    }
}
