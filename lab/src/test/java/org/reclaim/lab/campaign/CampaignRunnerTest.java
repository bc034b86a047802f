package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;

/**
 * Campaigns end to end, each cell forked: a small campaign, resumption, shards and merge,
 * crashing and hanging cells, and a campaign killed with SIGKILL.
 */
class CampaignRunnerTest {
    /** binary-trees tiny: 2 heaps x 2 managers = 4 cells; epsilon runs out of 64k, manual does not. */
    static final String SMALL = """
            workloads:
              - name: binary-trees
                sizes: [tiny]
            managers: [epsilon, manual]
            heaps: [64k, 3x]
            min-heap-manager: manual
            warmup: 1
            time-limit: 60s
            """;

    @TempDir static Path dir;
    static Campaign small;
    static Path unsharded;
    static CampaignRunner.Summary first;

    @BeforeAll
    static void runTheSmallCampaignOnce() throws Exception {
        small = campaign("small.yaml", SMALL);
        unsharded = dir.resolve("unsharded");
        first = run(small, unsharded, Shard.ALL, List.of());
    }

    static Campaign campaign(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return CampaignFile.read(f);
    }

    static CampaignRunner.Summary run(Campaign c, Path out, Shard shard, List<String> extraFlags) {
        CellLauncher.Settings cells = CellLauncher.Settings.current();
        cells = new CellLauncher.Settings(cells.java(), cells.classpath(), extraFlags);
        return new CampaignRunner(new CampaignRunner.Settings(out, shard, cells), new LogProgress(System.err)).run(c);
    }

    static Map<CellKey, ResultRow> rows(Path out) {
        return ResultsCsv.read(out.resolve("results.csv")).stream()
                .collect(Collectors.toMap(ResultRow::key, Function.identity()));
    }

    @Test
    void aSmallCampaignWritesOneParsableRowPerCell() {
        List<ResultRow> rows = ResultsCsv.read(unsharded.resolve("results.csv"));
        assertThat(rows).extracting(ResultRow::key).containsExactlyInAnyOrderElementsOf(small.cells());
        for (ResultRow r : rows) {
            if (r.key().manager().equals("manual")) {
                assertThat(r.status()).isEqualTo("ok");
                assertThat(r.checksum()).isEqualTo(4398);
                assertThat(r.counters()).containsEntry("objects.freed", 4398L);
            } else {
                assertThat(r.status()).isEqualTo("oom");
            }
            if (r.key().heap().equals("3x")) {
                assertThat(r.minHeapBytes()).isPositive();
                assertThat(r.heapBytes()).isEqualTo(3 * r.minHeapBytes());
            }
        }
        assertThat(first.statuses()).containsEntry("ok", 2).containsEntry("oom", 2);
        assertThat(unsharded.resolve("env.json")).content().contains("\"sha256\" : \"" + small.sha256() + "\"");
        assertThat(unsharded.resolve("min-heap.json")).exists();
    }

    @Test
    void reRunningTheSameCampaignSkipsFinishedCells() {
        Map<CellKey, ResultRow> before = rows(unsharded);
        CampaignRunner.Summary again = run(small, unsharded, Shard.ALL, List.of());
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(again.statuses()).isEmpty();
        assertThat(rows(unsharded)).isEqualTo(before);
    }

    @Test
    void shardsMergedGiveTheSameCellsAsTheUnshardedRun() {
        Path a = dir.resolve("shard1"), b = dir.resolve("shard2"), merged = dir.resolve("merged");
        run(small, a, new Shard(1, 2), List.of());
        run(small, b, new Shard(2, 2), List.of());
        assertThat(rows(a)).hasSize(2);
        ResultsMerger.Summary s = ResultsMerger.merge(merged, List.of(a, b));
        assertThat(s.rows()).isEqualTo(4);
        Map<CellKey, ResultRow> m = rows(merged), u = rows(unsharded);
        assertThat(m.keySet()).isEqualTo(u.keySet());
        m.forEach((k, r) -> {
            assertThat(r.status()).isEqualTo(u.get(k).status());
            assertThat(r.checksum()).isEqualTo(u.get(k).checksum());
            assertThat(r.heapBytes()).isEqualTo(u.get(k).heapBytes());
        });
        // each kept row's machine comes along: one machines.csv line per cell
        java.util.Set<String> machineCells = new java.util.HashSet<>();
        try (var lines = java.nio.file.Files.lines(merged.resolve(Environment.MACHINES))) {
            lines.skip(1).forEach(l -> machineCells.add(l.substring(0, l.indexOf(','))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(machineCells).isEqualTo(m.keySet().stream().map(CellKey::id).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void mergingFoldersOfDifferentCampaignFilesIsRefused() throws Exception {
        Campaign other = campaign("other.yaml", SMALL.replace("warmup: 1", "warmup: 0").replace("heaps: [64k, 3x]", "heaps: [64k]")
                .replace("managers: [epsilon, manual]", "managers: [manual]"));
        Path o = dir.resolve("other");
        run(other, o, Shard.ALL, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsMerger.merge(dir.resolve("mixed"), List.of(unsharded, o)))
                .hasMessageContaining("cannot merge results of different campaign files");
    }

    @Test
    void aCrashingCellAndAHangingCellAreRecordedAndTheRestRun() throws Exception {
        Campaign c = campaign("faults.yaml", """
                workloads:
                  - name: binary-trees
                    sizes: [tiny]
                managers: [manual]
                heaps: [64k]
                seeds: [1, 2, 3, 4]
                time-limit: 10s
                """);
        Path out = dir.resolve("faults");
        run(c, out, Shard.ALL, List.of("-Dreclaim.cell.fault.2=crash", "-Dreclaim.cell.fault.3=hang"));
        Map<Long, ResultRow> bySeed = ResultsCsv.read(out.resolve("results.csv")).stream()
                .collect(Collectors.toMap(r -> r.key().seed(), Function.identity()));
        assertThat(bySeed).hasSize(4);
        assertThat(bySeed.get(1L).status()).isEqualTo("ok");
        assertThat(bySeed.get(2L).status()).isEqualTo("crash");
        assertThat(bySeed.get(2L).message()).isEqualTo("exit status 7: cell fault injected by a test: crashing");
        assertThat(bySeed.get(3L).status()).isEqualTo("timeout");
        assertThat(bySeed.get(3L).message()).startsWith("killed after the time limit of 10000 ms");
        assertThat(bySeed.get(4L).status()).isEqualTo("ok");
        assertThat(bySeed.get(4L).checksum()).isEqualTo(4398);
    }

    @Test
    void aCampaignKilledWithSigkillResumesWithEveryCellExactlyOnce() throws Exception {
        Campaign c = campaign("kill.yaml", """
                workloads:
                  - name: binary-trees
                    sizes: [tiny]
                managers: [manual, manual+sanitize]
                heaps: [64k]
                seeds: [1, 2, 3]
                time-limit: 60s
                """);
        Path out = dir.resolve("kill");
        CellLauncher.Settings cells = CellLauncher.Settings.current();
        Process p = new ProcessBuilder(cells.java(), "-cp", cells.classpath(), "org.reclaim.lab.Lab", "campaign",
                dir.resolve("kill.yaml").toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kill.log").toFile()).start();
        Path csv = out.resolve("results.csv");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (rowLines(csv) < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        List<ProcessHandle> children = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly().waitFor();
        children.forEach(ProcessHandle::destroyForcibly);
        int rowsAtKill = rowLines(csv);
        assertThat(rowsAtKill).as("rows when killed").isBetween(2, c.cells().size() - 1);

        CampaignRunner.Summary resumed = run(c, out, Shard.ALL, List.of());
        assertThat(resumed.skipped()).isEqualTo(rowsAtKill);
        List<ResultRow> rows = ResultsCsv.read(csv);
        assertThat(rows).extracting(ResultRow::key).containsExactlyInAnyOrderElementsOf(c.cells());
        assertThat(rows).allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
    }

    /** Complete data rows in the file (a row counts once its line end is written). */
    static int rowLines(Path csv) throws Exception {
        if (!Files.exists(csv)) return 0;
        String s = Files.readString(csv);
        return (int) Math.max(0, s.chars().filter(ch -> ch == '\n').count() - 1);
    }
}
