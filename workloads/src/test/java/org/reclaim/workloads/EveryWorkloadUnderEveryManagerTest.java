package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.runtime.RunRecord;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;
import org.reclaim.workloads.scenarios.Scenario;

/**
 * A workload that is correct in Rust runs to the same result under every manager that exists:
 * the checksum pinned here (so a change of program or seed is noticed), status ok, and nothing
 * leaked (docs/architecture.md: every object freed exactly once, or unreachable at the end).
 */
class EveryWorkloadUnderEveryManagerTest {
    private static final long HEAP = 16L << 20;

    /** Checksums at size tiny, seed 1. */
    private static final Map<String, Long> CHECKSUMS = Map.ofEntries(
            Map.entry("binary-trees", 4398L),
            Map.entry("queue-churn", 15988460L),
            Map.entry("lru-cache", 453568L),
            Map.entry("doubly-linked-list", 21604035700L),
            Map.entry("request-server", 1972678667L),
            Map.entry("tree-drop", 262143L),
            Map.entry("vec-growth", 1206834280L),
            Map.entry("document-tree", -2974857468179639245L),
            Map.entry("account-ledger", 1108014673290691753L),
            Map.entry("orders", 10L),
            Map.entry("orders-early-scope", 10L),
            Map.entry("years-returned", 8010L),
            Map.entry("print-years-clone", 16020L),
            Map.entry("borrowed-length", 44L),
            Map.entry("rc-cycle", 3L),
            // prints parent.is_some(): true once the Weak upgrades
            Map.entry("weak-back-pointer", 1L));

    static Stream<Arguments> runs() {
        return Workloads.all().stream()
                .filter(w -> !(w instanceof Scenario s) || s.validRust())
                .flatMap(w -> Managers.names().stream().map(m -> Arguments.of(w.name(), m)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("runs")
    void givesTheSameChecksumAndLeaksNothing(String workload, String manager) {
        RunRecord r = Runner.run(new Runner.Request(workload, "tiny", manager, HEAP, 1)).record();
        assertThat(r.status()).as(r.message()).isEqualTo(RunRecord.OK);
        assertThat(r.checksum()).isEqualTo(CHECKSUMS.get(workload));
        if (!workload.equals("rc-cycle")) assertThat(r.leakedObjects()).isZero();
    }

    static Stream<String> managers() { return Managers.names().stream(); }

    @ParameterizedTest(name = "under {0}")
    @MethodSource("managers")
    void strongBackPointersChangeWhatLeaksButNotTheChecksum(String manager) {
        RunRecord r = Runner.run(new Runner.Request("doubly-linked-list", "tiny", manager, HEAP, 1,
                Map.of("back", "strong"), 1 << 20)).record();
        assertThat(r.status()).as(r.message()).isEqualTo(RunRecord.OK);
        assertThat(r.checksum()).isEqualTo(CHECKSUMS.get("doubly-linked-list"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSeedChangesTheRunAndTheSameSeedRepeatsIt(long seed) {
        long a = Runner.run(new Runner.Request("document-tree", "tiny", "manual", HEAP, seed)).record().checksum();
        long b = Runner.run(new Runner.Request("document-tree", "tiny", "manual", HEAP, seed)).record().checksum();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(CHECKSUMS.get("document-tree"));
    }

    static Stream<Long> seeds() { return Stream.of(2L, 3L); }
}
