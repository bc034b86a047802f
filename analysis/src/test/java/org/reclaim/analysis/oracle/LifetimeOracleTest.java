package org.reclaim.analysis.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.Leak;
import org.reclaim.runtime.MemoryManager;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.oracle.LifetimeOracle;
import org.reclaim.runtime.probe.PauseRecorder;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.workloads.run.Runner;

class LifetimeOracleTest {
    static final long ORDERS_BYTES = (2 + 4) * 8;   // a Vec<i64> of 4: header + 4 words

    /**
     * The seeds' {@code get_final_orders}, in C: {@code dealloc(orders)} placed after
     * {@code finish(total_orders)} (late) or right after the loop (early).
     */
    static MemoryManager orders(boolean freeEarly) {
        Manual m = new Manual(1 << 16, Probe.OFF, false);
        m.recordLifetimes(new LifetimeOracle(1024));
        int vec = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope f = m.scope()) {                                   // fn get_final_orders() -> i64 {
            m.step();                                                 //   let orders = vec![1, 2, 3, 4];
            int orders = m.alloc(vec, 4);
            for (int i = 0; i < 4; i++) m.write(orders, i, i + 1);
            m.step();                                                 //   let mut total_orders = 0;
            long total = 0;
            m.step();                                                 //   for order in orders.iter() { total_orders += order; }
            for (int i = 0; i < 4; i++) total += m.read(orders, i);
            if (freeEarly) {
                m.step();                                             //   dealloc(orders);   (early)
                m.free(orders);
            }
            m.step();                                                 //   let final_orders = finish(total_orders);
            long finalOrders = total * 2;
            if (!freeEarly) {
                m.step();                                             //   dealloc(orders);   (late)
                m.free(orders);
            }
            m.step();                                                 //   return final_orders;
            assertThat(finalOrders).isEqualTo(20);
        }                                                             // }
        m.oracle().walk(m, m.bytesAllocated());
        return m;
    }

    private static LifetimeSplit.Means opClockMeans(MemoryManager m) {
        return OracleMetrics.split(m, m.leaks(), LifetimeSplit.Clock.OPERATION).means();
    }

    @Test
    void ordersFreedAfterFinishHasDragBetweenItsLastUseAndTheFree() {
        MemoryManager m = orders(false);
        LifetimeOracle.Lifetime l = m.oracle().onOperationClock(1);
        assertThat(l.freed()).isGreaterThan(l.lastUse());
        double dragByteTicks = opClockMeans(m).drag() * m.oracle().opClock();
        assertThat(dragByteTicks).isEqualTo((double) ORDERS_BYTES * (l.freed() - l.lastUse()));
        assertThat(dragByteTicks).isPositive();
    }

    @Test
    void ordersFreedRightAfterItsLastUseHasNoDrag() {
        MemoryManager m = orders(true);
        LifetimeSplit.Means means = opClockMeans(m);
        assertThat(means.drag()).isZero();
        assertThat(means.garbageHeld()).isZero();
        assertThat(means.leaked()).isZero();
        assertThat(means.live()).isPositive();
    }

    @Test
    void anObjectNeverFreedByManualIsLeakedFromTheWalkThatFoundItUnreachable() {
        Manual m = new Manual(1 << 16, Probe.OFF, false);
        m.recordLifetimes(new LifetimeOracle(1024));
        int vec = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            int xs = m.alloc(vec, 2);
            m.write(xs, 0, 1);
        }
        m.step();
        m.step();
        List<Leak> leaks = m.leaks();
        assertThat(leaks).hasSize(1);
        var split = OracleMetrics.split(m, leaks, LifetimeSplit.Clock.OPERATION);
        var l = m.oracle().onOperationClock(1);
        double leakedByteTicks = split.means().leaked() * m.oracle().opClock();
        assertThat(leakedByteTicks).isEqualTo(4.0 * 8 * (m.oracle().opClock() - l.unreachable()));
        assertThat(split.means().garbageHeld()).isZero();
    }

    /** Liveness <= reachability <= the manager's own bytes in use, at every footprint sample. */
    @Property(tries = 12)
    void theOracleCurvesNeverExceedAnyManagersBytesInUse(@ForAll("managers") String manager,
                                                         @ForAll @IntRange(min = 1, max = 1000) int seed) {
        var req = new Runner.Request("binary-trees", "tiny", manager, 1 << 20, seed, java.util.Map.of(), 4096)
                .withOracle(8192);
        Runner.Result r = Runner.run(req);
        assertThat(r.record().status()).isEqualTo("ok");
        PauseRecorder rec = r.recorder();
        long[] at = new long[rec.sampleCount()];
        for (int i = 0; i < at.length; i++) at[i] = rec.sampleClock(i);
        var curves = OracleMetrics.split(r.manager(), r.allLeaks(), LifetimeSplit.Clock.ALLOCATION).curves(at);
        for (int i = 0; i < at.length; i++) {
            assertThat(curves.liveness()[i]).isLessThanOrEqualTo(curves.reachability()[i]);
            assertThat(curves.reachability()[i]).isLessThanOrEqualTo(rec.sampleInUse(i));
            assertThat(curves.live()[i] + curves.drag()[i] + curves.garbageHeld()[i] + curves.leaked()[i])
                    .isEqualTo(curves.inUse()[i]);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> managers() {
        return net.jqwik.api.Arbitraries.of(Managers.names());
    }
}
