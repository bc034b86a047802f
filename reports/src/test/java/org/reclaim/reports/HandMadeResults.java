package org.reclaim.reports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.analysis.results.ResultsFile;

/** Results folders written row by row with the campaign's own CSV writer, with figures a test chooses. */
final class HandMadeResults implements AutoCloseable {
    static final long MIB = 1 << 20;

    private final ResultsFile file;

    HandMadeResults(Path dir) {
        this.file = ResultsFile.open(dir.resolve(ResultsCsv.FILE_NAME));
    }

    /**
     * An ok run of {@code workload tiny} under {@code manager} at heap {@code multiple}x of a 4 MiB
     * minimum: wall and pause times in ms, pause percentiles p50..p99.9 in ms, MMU at 1/10/100 ms.
     */
    HandMadeResults ok(String workload, String manager, int multiple, int rep, double wallMs, double mmMs,
                       double[] pausesMs, double[] mmu) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        String[] p = {"pause.p50.ns", "pause.p90.ns", "pause.p99.ns", "pause.p999.ns"};
        for (int i = 0; i < pausesMs.length; i++) metrics.put(p[i], pausesMs[i] * 1e6);
        String[] m = {"mmu.1ms", "mmu.10ms", "mmu.100ms"};
        for (int i = 0; i < mmu.length; i++) metrics.put(m[i], mmu[i]);
        long pauses = pausesMs.length == 0 ? 0 : 10;
        long max = pausesMs.length == 0 ? 0 : (long) (pausesMs[pausesMs.length - 1] * 2e6);
        file.append(new ResultRow(key(workload, manager, multiple, rep), multiple * 4 * MIB, 4 * MIB, ResultRow.OK, "",
                42, (long) (wallMs * 1e6), (long) (mmMs * 1e6), pauses, max, metrics, 1000, 64_000, 1000, 64_000, 0, 0, 0,
                "", Map.of(), (long) (wallMs * 2e6)));
        return this;
    }

    /** A run that ended {@code error} with the given error kinds and leaks. */
    HandMadeResults caught(String workload, String manager, int multiple, int rep, String errorKinds, long leakedObjects,
                           long leakedBytes) {
        file.append(new ResultRow(key(workload, manager, multiple, rep), multiple * 4 * MIB, 4 * MIB,
                errorKinds.isEmpty() ? ResultRow.OK : ResultRow.ERROR, errorKinds.isEmpty() ? "" : "caught " + errorKinds,
                0, 5_000_000, 0, 0, 0, Map.of(), 10, 640, 10 - leakedObjects, 640 - leakedBytes, leakedObjects,
                leakedBytes, errorKinds.isEmpty() ? 0 : errorKinds.split(";").length, errorKinds, Map.of(), 9_000_000));
        return this;
    }

    /** A cell that produced no record. */
    HandMadeResults failed(String workload, String manager, int multiple, int rep, String status, String message) {
        file.append(ResultRow.failed(key(workload, manager, multiple, rep), multiple * 4 * MIB, 4 * MIB, status, message, 1));
        return this;
    }

    static CellKey key(String workload, String manager, int multiple, int rep) {
        return new CellKey(workload, "tiny", Map.of(), manager, multiple + "x", 1, rep);
    }

    @Override
    public void close() {
        file.close();
    }
}
