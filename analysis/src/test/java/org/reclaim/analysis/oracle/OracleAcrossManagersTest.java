package org.reclaim.analysis.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.oracle.LifetimeOracle;
import org.reclaim.runtime.probe.PauseKind;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.BinaryTrees;
import org.reclaim.workloads.run.Runner;

/** The oracle's split under the managers that free at different times. */
class OracleAcrossManagersTest {

    static MemoryManager make(String manager, Probe probe) {
        MemoryManager m = Managers.find(manager).factory().create(1 << 16, probe);
        m.recordLifetimes(new LifetimeOracle(1024));
        return m;
    }

    /** The seeds' get_final_orders in Rust, with or without the anonymous scope around orders. */
    static MemoryManager rustOrders(String manager, boolean earlyScope) {
        MemoryManager m = make(manager, Probe.OFF);
        int vec = m.shapes().defineDataArray("Vec<i64>", 0);
        long total = 0;
        try (Scope f = m.scope()) {                                       // fn get_final_orders() -> i64 {
            if (earlyScope) {
                m.step();                                                 //   let mut total_orders = 0;
                try (Scope anon = m.scope()) {                            //   {
                    m.step();                                             //     let orders = vec![1, 2, 3, 4];
                    int orders = m.alloc(vec, 4);
                    for (int i = 0; i < 4; i++) m.write(orders, i, i + 1);
                    m.step();                                             //     for order in orders.iter() { total_orders += order; }
                    for (int i = 0; i < 4; i++) total += m.read(orders, i);
                    m.step();                                             //   }
                }
            } else {
                m.step();                                                 //   let orders = vec![1, 2, 3, 4];
                int orders = m.alloc(vec, 4);
                for (int i = 0; i < 4; i++) m.write(orders, i, i + 1);
                m.step();                                                 //   let mut total_orders = 0;
                m.step();                                                 //   for order in orders.iter() { total_orders += order; }
                for (int i = 0; i < 4; i++) total += m.read(orders, i);
            }
            m.step();                                                     //   let final_orders = finish(total_orders);
            m.step();                                                     //   return final_orders;
            m.step();                                                     // }
        }
        assertThat(total).isEqualTo(10);
        m.oracle().walk(m, m.bytesAllocated());
        m.finish();
        return m;
    }

    private static LifetimeSplit.Means opMeans(MemoryManager m) {
        return OracleMetrics.split(m, m.leaks(), LifetimeSplit.Clock.OPERATION).means();
    }

    @Test
    void ordersUnderOwnershipShowsDragUntilTheEndOfTheFunction() {
        MemoryManager m = rustOrders("ownership", false);
        var l = m.oracle().onOperationClock(1);
        double drag = opMeans(m).drag() * m.oracle().opClock();
        assertThat(drag).isEqualTo(48.0 * (l.freed() - l.lastUse())).isPositive();
        assertThat(l.freed() - l.lastUse()).as("drag spans the finish and return lines; the closing brace frees it").isEqualTo(2);
        assertThat(opMeans(m).garbageHeld()).isZero();
    }

    @Test
    void ordersInAnAnonymousScopeUnderOwnershipHasNoDrag() {
        MemoryManager m = rustOrders("ownership", true);
        assertThat(m.objectsFreed()).isEqualTo(1);
        assertThat(opMeans(m).drag()).isZero();
        assertThat(opMeans(m).garbageHeld()).isZero();
        assertThat(opMeans(m).live()).isPositive();
    }

    /** Under managers that free at once, nothing is ever held unreachable: garbage held is zero at every sample. */
    @ParameterizedTest
    @ValueSource(strings = {"ownership", "ownership-trusted", "manual", "refcount", "refcount+cycles", "refcount-atomic"})
    void managersThatFreeAtOnceHoldNoGarbageAtAnySample(String manager) {
        var r = Runner.run(new Runner.Request("binary-trees", "tiny", manager, 1 << 20, 1, java.util.Map.of(), 2048).withOracle(4096));
        PauseRecorder rec = r.recorder();
        long[] at = new long[rec.sampleCount()];
        for (int i = 0; i < at.length; i++) at[i] = rec.sampleClock(i);
        assertThat(at).isNotEmpty();
        var c = OracleMetrics.split(r.manager(), r.allLeaks(), LifetimeSplit.Clock.ALLOCATION).curves(at);
        for (int i = 0; i < at.length; i++) assertThat(c.garbageHeld()[i]).as("sample %d", i).isZero();
        assertThat(OracleMetrics.split(r.manager(), r.allLeaks(), LifetimeSplit.Clock.ALLOCATION).means().garbageHeld()).isZero();
    }

    /** A tracing collector holds garbage between collections, and none right after a full collection. */
    @ParameterizedTest
    @ValueSource(strings = {"mark-sweep", "mark-compact", "semispace"})
    void tracingHoldsGarbageBetweenCollectionsAndNoneRightAfter(String manager) {
        List<Long> collectedAt = new ArrayList<>();
        MemoryManager[] holder = new MemoryManager[1];
        PauseRecorder rec = new PauseRecorder(1024);
        Probe probe = new Probe() {
            @Override public void pause(PauseKind k, long s, long e, long o, long w, long b, long a) {
                collectedAt.add(holder[0].bytesAllocated());
                rec.pause(k, s, e, o, w, b, a);
            }
            @Override public void footprint(long allocated, long inUse) { rec.footprint(allocated, inUse); }
            @Override public long sampleEveryBytes() { return rec.sampleEveryBytes(); }
        };
        MemoryManager m = Managers.find(manager).factory().create(64 << 10, probe);
        holder[0] = m;
        m.recordLifetimes(new LifetimeOracle(4096));
        var r = Runner.run(new BinaryTrees(), 6, java.util.Map.of(), m, probe,
                new Runner.Request("binary-trees", "tiny", manager, 64 << 10, 1));
        assertThat(r.record().status()).isEqualTo("ok");
        assertThat(collectedAt).hasSizeGreaterThan(1);
        var split = OracleMetrics.split(m, r.allLeaks(), LifetimeSplit.Clock.ALLOCATION);
        long[] after = collectedAt.stream().mapToLong(Long::longValue).toArray();
        var atCollections = split.curves(after);
        for (int i = 0; i < after.length; i++)
            assertThat(atCollections.garbageHeld()[i]).as("garbage held right after collection %d", i).isZero();
        long[] samples = new long[rec.sampleCount()];
        for (int i = 0; i < samples.length; i++) samples[i] = rec.sampleClock(i);
        assertThat(java.util.Arrays.stream(split.curves(samples).garbageHeld()).max().orElse(0))
                .as("garbage held somewhere between collections").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ownership", "refcount"})
    void aStrongCycleIsLeakedWithExactlyTheCyclesBytes(String manager) {
        MemoryManager m = make(manager, Probe.OFF);
        int node = m.shapes().define("Node", 1, SlotKind.SHARED);         // struct Node { next: Option<Rc<RefCell<Node>>>, v: i64 }
        int other = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            m.step();
            int a = m.allocShared(node, 0);                               // let a = Rc::new(Node { next: None });
            int b = m.allocShared(node, 0);                               // let b = Rc::new(Node { next: None });
            m.put(a, 0, m.share(b));                                      // a.next = Some(Rc::clone(&b));
            m.put(b, 0, m.share(a));                                      // b.next = Some(Rc::clone(&a));
            int v = m.alloc(other, 3);                                    // let v = vec![0; 3];
            m.write(v, 0, 1);
        }                                                                 // a, b dropped: the cycle keeps both alive
        m.step();
        m.oracle().walk(m, m.bytesAllocated());
        var means = opMeans(m);
        long cycleBytes = 2L * (2 + 1 + 1) * 8;
        assertThat(m.leaks()).extracting(org.reclaim.runtime.Leak::bytes).containsExactlyInAnyOrder(32L, 32L);
        var split = OracleMetrics.split(m, m.leaks(), LifetimeSplit.Clock.OPERATION);
        var atEnd = split.curves(new long[] {m.oracle().opClock()});
        assertThat(atEnd.leaked()[0]).isEqualTo(cycleBytes);
        assertThat(atEnd.inUse()[0]).isEqualTo(cycleBytes);
        assertThat(means.garbageHeld()).isZero();
    }
}
