package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.runtime.RunRecord;

/**
 * Issue 15's accounting, as {@code lab run --json} records it: the free-list allocator's searches,
 * splits and consolidations, each LISP2 pass's blocks and words, and a copying collector's
 * footprint with its copy reserve.
 */
class RunRecordAccountingTest {

    private static RunRecord run(String manager, String heap) throws Exception {
        LabOutput out = LabOutput.run("run", "--workload", "binary-trees", "--size", "small", "--manager", manager,
                "--heap", heap, "--json");
        assertThat(out.exit()).as(out.err()).isZero();
        RunRecord r = RunCommand.json().readValue(out.out().strip(), RunRecord.class);
        assertThat(r.status()).isEqualTo(RunRecord.OK);
        return r;
    }

    @Test
    void theFreeListsSearchesSplitsAndConsolidationsReachTheRecord() throws Exception {
        Map<String, Long> c = run("mark-sweep", "1m").counters();
        for (String name : List.of("freelist.allocations.fast", "freelist.allocations.slow", "freelist.blocks.searched",
                "freelist.splits", "freelist.frees", "freelist.consolidations", "freelist.words.scanned"))
            assertThat(c.get(name)).as(name).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mark-compact", "generational"})
    void eachLisp2PassReachesTheRecordWithItsWords(String manager) throws Exception {
        Map<String, Long> c = run(manager, "1m").counters();
        assertThat(c.get("compact.forwarding.blocks")).isPositive()
                .isEqualTo(c.get("compact.update.blocks")).isEqualTo(c.get("compact.relocate.blocks"));
        for (String name : List.of("compact.forwarding.addresses", "compact.update.slots", "references.updated", "words.moved"))
            assertThat(c.get(name)).as(name).isPositive();
        assertThat(c.get("compact.forwarding.addresses")).isLessThanOrEqualTo(c.get("compact.forwarding.blocks"));
    }

    @Test
    void semispacesFootprintHoldsItsCopyReserve() throws Exception {
        RunRecord r = run("semispace", "1m");
        double peak = r.metrics().get("footprint.peak.bytes");
        assertThat(peak).as("without its reserve it would be at most half the heap").isLessThanOrEqualTo(r.heapBytes()).isGreaterThan(r.heapBytes() * 0.9);
    }
}
