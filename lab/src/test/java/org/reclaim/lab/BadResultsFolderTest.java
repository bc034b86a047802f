package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.runtime.RunRecord;

/** {@code lab report} and {@code lab merge} on damaged results folders: one line, exit 2, or the bad rows left out and counted. */
@ResourceLock("System.out")
class BadResultsFolderTest {
    @TempDir Path dir;

    static ResultRow row(String manager, long wallNanos) {
        RunRecord r = new RunRecord("binary-trees", "tiny", manager, 65536, 1, "ok", "", 4398, wallNanos, 10, 5000, 700,
                4398, 140736, 4398, 140736, 0, 0, List.of(), List.of(), Map.of(), Map.of("pause.p50.ns", 1500.0));
        return ResultRow.of(new CellKey("binary-trees", "tiny", Map.of(), manager, "64k", 1, 1), 0, r, 2_000_000);
    }

    Path folder(String name, String csv) throws Exception {
        Path f = Files.createDirectories(dir.resolve(name));
        Files.writeString(f.resolve(ResultsCsv.FILE_NAME), csv);
        return f;
    }

    @Test
    void anEmptyOrHeaderOnlyResultsFileIsOneLineNotAChartLibrarysComplaint() throws Exception {
        Path empty = folder("empty", "");
        LabOutput o = LabOutput.run("report", empty.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab report: " + empty.resolve("results.csv") + ":1: empty: a results.csv starts with its"
                + " header line (workload,size,params,manager,...); a campaign writes it\n");
        Path headerOnly = folder("header", ResultsCsv.headerLine());
        o = LabOutput.run("report", headerOnly.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab report: " + headerOnly.resolve("results.csv") + " has no valid result rows (only its"
                + " header): run a campaign into " + headerOnly + " first\n");
    }

    @Test
    void aDeletedHeaderNamesTheMissingColumns() throws Exception {
        Path f = folder("noheader", ResultsCsv.line(row("manual", 1_000_000)));
        LabOutput o = LabOutput.run("report", f.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("lab report: " + f.resolve("results.csv") + ":1: not a results.csv header line: it lacks"
                + " the columns workload, size, manager, heap, seed, repetition, status").doesNotContain("\tat ");
    }

    @Test
    void aNegativeWallTimeAndAnUnknownStatusAreLeftOutOfTheReadingsAndCounted() throws Exception {
        String csv = ResultsCsv.headerLine() + ResultsCsv.line(row("manual", 15_200_000))
                + ResultsCsv.line(row("epsilon", 15_000_000)).replace(",15000000,", ",-5000000000,")
                + ResultsCsv.line(row("mark-sweep", 15_000_000)).replace(",ok,", ",splendid,")
                + "\u00ff\u00fe garbage \"\n";
        Path f = folder("bad-rows", csv);
        LabOutput o = LabOutput.run("report", f.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("report: left out 3 rows of results.csv that do not read (the first: "
                + f.resolve("results.csv") + ":3: wall_ns -5000000000 is negative)");
        String md = Files.readString(f.resolve("report.md"));
        assertThat(md).contains("3 rows of results.csv were left out of every figure because they do not read")
                .doesNotContain("-5000 ms").doesNotContain("| epsilon |").doesNotContain("| mark-sweep |");
    }

    @Test
    void anEmptyTimelineIsNotReadAsARunWithoutPauses() throws Exception {
        ResultRow r = row("refcount", 15_000_000);
        Path f = folder("empty-timeline", ResultsCsv.headerLine() + ResultsCsv.line(r));
        Files.createDirectories(f.resolve("timeline"));
        Files.writeString(f.resolve("timeline").resolve(r.key().id() + ".csv"), "");
        LabOutput o = LabOutput.run("report", f.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(Files.readString(f.resolve("report.md"))).doesNotContain("left the program at least 100%");
    }

    @Test
    void mergingIntoAFileIsOneLine() throws Exception {
        Path in = folder("in", ResultsCsv.headerLine());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        LabOutput o = LabOutput.run("merge", file.toString(), in.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab merge: cannot merge into " + file + ": it is a file, not a folder\n");
    }
}
