package org.reclaim.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.runtime.RunRecord;

class ResultsFileTest {
    @TempDir Path dir;

    static CellKey key(long seed) {
        return new CellKey("binary-trees", "tiny", Map.of("back", "weak"), "manual", "2x", seed, 1);
    }

    static ResultRow row(long seed) {
        RunRecord r = new RunRecord("binary-trees", "tiny", "manual", 65536, seed, "ok", "", 4398, 1_000_000, 82, 5000,
                700, 4398, 140736, 4398, 140736, 0, 0, List.of(), List.of(new RunRecord.CaughtError("double-free", "", "x")),
                Map.of("free.calls", 82L), Map.of("pause.p50.ns", 1500.0, "mmu.10ms", 0.25));
        return ResultRow.of(key(seed), 32768, r, 2_000_000);
    }

    @Test
    void appendedRowsReadBackEqual() {
        Path csv = dir.resolve("results.csv");
        try (ResultsFile f = ResultsFile.open(csv)) {
            f.append(row(1));
            f.append(row(2));
        }
        List<ResultRow> rows = ResultsCsv.read(csv);
        assertThat(rows).containsExactly(row(1), row(2));
        assertThat(rows.getFirst().metrics()).containsEntry("mmu.10ms", 0.25).doesNotContainKey("pause.p99.ns");
        assertThat(rows.getFirst().errorKinds()).isEqualTo("double-free");
    }

    @Test
    void everyMetricKeyHasAColumn() {
        assertThat(ResultsCsv.COLUMNS).containsAll(RunRecord.METRICS).doesNotHaveDuplicates();
    }

    @Test
    void aTrailingPartialLineIsCutOffOnOpening() throws Exception {
        Path csv = dir.resolve("results.csv");
        try (ResultsFile f = ResultsFile.open(csv)) { f.append(row(1)); }
        String half = ResultsCsv.line(row(2));
        Files.writeString(csv, half.substring(0, half.length() / 2), StandardOpenOption.APPEND);
        try (ResultsFile f = ResultsFile.open(csv)) {
            assertThat(f.has(key(1))).isTrue();
            assertThat(f.has(key(2))).isFalse();
            f.append(row(2));
        }
        assertThat(ResultsCsv.read(csv)).containsExactly(row(1), row(2));
    }

    @Test
    void aMessageWithLineBreaksStaysOneLine() {
        Path csv = dir.resolve("results.csv");
        ResultRow crash = ResultRow.failed(key(3), 65536, 0, ResultRow.CRASH, "exit status 1\nat a\r\nat b", 10);
        try (ResultsFile f = ResultsFile.open(csv)) { f.append(crash); }
        assertThat(ResultsCsv.line(crash)).containsOnlyOnce("\n");
        assertThat(ResultsCsv.read(csv).getFirst().message()).isEqualTo("exit status 1 | at a | at b");
    }

    @Test
    void aFileWithAnOlderColumnListIsRewrittenWithTheCurrentHeader() throws Exception {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, "workload,size,params,manager,heap,heap_bytes,seed,repetition,status,checksum\n"
                + "binary-trees,tiny,back=weak,manual,2x,65536,1,1,ok,4398\n", StandardCharsets.UTF_8);
        try (ResultsFile f = ResultsFile.open(csv)) {
            assertThat(f.has(key(1))).isTrue();
        }
        assertThat(Files.readAllLines(csv).getFirst() + "\n").isEqualTo(ResultsCsv.headerLine());
        ResultRow r = ResultsCsv.read(csv).getFirst();
        assertThat(r.checksum()).isEqualTo(4398);
        assertThat(r.metrics()).isEmpty();
    }

    @Test
    void cellIdsAreFileNameSafe() {
        CellKey k = new CellKey("binary-trees", "tiny", Map.of(), "jvm:g1", "1.25x", 7, 2);
        assertThat(k.id()).isEqualTo("binary-trees_tiny_jvm-g1_1.25x_s7_r2");
    }
}
