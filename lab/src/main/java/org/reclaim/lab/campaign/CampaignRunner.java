package org.reclaim.lab.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.analysis.results.ResultsFile;
import org.reclaim.lab.input.BadInput;
import org.reclaim.lab.input.HeapSize;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.Runner;

/**
 * Runs a campaign (or one shard of it) into a results folder, resumably:
 * <ol>
 *   <li>takes the folder for itself ({@link ResultsFolderLock}: a second campaign on the same
 *       folder is refused, naming the owner), checks that the folder, if it holds results, holds
 *       results of the same campaign file, and copies the file in as {@code campaign.yaml};</li>
 *   <li>finds the minimum heap of every workload that has heaps given as multiples (cached in
 *       {@code min-heap.json}): in this JVM with {@code Runner.run} for simulated managers (fast,
 *       and exact: a simulated heap does not depend on the host), in forked cells under
 *       {@code jvm:serial} for {@code jvm:*} managers;</li>
 *   <li>writes {@code env.json};</li>
 *   <li>runs every cell of the share that has no row in {@code results.csv} yet, one at a time,
 *       each in its own JVM ({@link CellLauncher}), appending its row as soon as it ends. A cell
 *       that crashes, hangs or runs out of memory is a row like any other.</li>
 * </ol>
 * A failure of the machine rather than of the cell (no space left, a cell JVM that could not
 * start, output that cannot be written: {@link CellLauncher.InfrastructureFailure}) is never a
 * row: it stops the campaign with one message, and the same command resumes once it is fixed.
 */
public final class CampaignRunner {

    /**
     * Where and how a campaign runs.
     *
     * @param out   the results folder
     * @param shard the share of the cells to run
     * @param cells how cells are forked
     * @param minFreeBytes the least free space on the results folder's file system a cell may
     *                     start with: below it the campaign stops rather than record cells that
     *                     failed for want of space
     */
    public record Settings(Path out, Shard shard, CellLauncher.Settings cells, long minFreeBytes) {
        /** Settings that stop the campaign when less than {@link #MIN_FREE_BYTES} are free. */
        public Settings(Path out, Shard shard, CellLauncher.Settings cells) {
            this(out, shard, cells, MIN_FREE_BYTES);
        }
    }

    /** Free space a cell needs at least: its logs, recordings and row (a JFR recording is a few MiB). */
    public static final long MIN_FREE_BYTES = 64L << 20;

    /**
     * What a run of the command did.
     *
     * @param cells    cells in this share
     * @param skipped  of them, already finished before this run
     * @param statuses cells run now, by status
     */
    public record Summary(int cells, int skipped, Map<String, Integer> statuses) {}

    /** The folder names for the recordings a campaign keeps, and their file extensions ({@code oracle} writes no file of its own). */
    static final Map<String, String[]> RECORDING_FILES = Map.of(
            "hlog", new String[] {"pauses", ".hlog"},
            "timeline", new String[] {"timeline", ".csv"},
            "jfr", new String[] {"jfr", ".jfr"});

    /** The campaign file's copy inside a results folder. */
    static final String CAMPAIGN_COPY = "campaign.yaml";

    private final Settings settings;
    private final CellLauncher launcher;
    private final Progress progress;

    public CampaignRunner(Settings settings, Progress progress) {
        this.settings = settings;
        this.launcher = new CellLauncher(settings.cells());
        this.progress = progress;
    }

    /**
     * Runs the cells of {@code c} in this runner's share that have no row yet.
     *
     * @throws BadInput if the results folder holds results of another campaign file
     */
    public Summary run(Campaign c) {
        Path out = settings.out();
        createFolder(out);
        try (ResultsFolderLock lock = ResultsFolderLock.take(out, "campaign " + c.name() + " (" + c.file() + ")")) {
            prepare(out, c);
            return runCells(out, c);
        } finally {
            progress.close();
        }
    }

    private Summary runCells(Path out, Campaign c) {
        List<CellKey> all = c.cells(), mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (settings.shard().includes(i)) mine.add(all.get(i));
        try (ResultsFile results = ResultsFile.open(out.resolve(ResultsCsv.FILE_NAME))) {
            MinimumHeap cache = MinimumHeap.in(out, progress::note);
            Map<CellKey, Long> minHeaps = new HashMap<>();
            Map<CellKey, String> noMinHeap = new HashMap<>();
            Map<List<Object>, String> failedSearches = new HashMap<>();
            long largest = 0;
            for (CellKey k : mine) {
                HeapSpec h = c.heap(k.heap());
                long min = 0;
                if (h.isMultiple()) {
                    List<Object> search = List.of(k.workload(), k.size(), k.params(), Campaign.isJvm(k.manager()));
                    try {
                        if (failedSearches.containsKey(search)) throw new IllegalStateException(failedSearches.get(search));
                        min = minimumHeap(cache, c, k);
                    } catch (IllegalStateException e) {
                        failedSearches.put(search, e.getMessage());
                        noMinHeap.put(k, e.getMessage());
                        continue;
                    }
                    minHeaps.put(k, min);
                }
                if (!Campaign.isJvm(k.manager())) largest = Math.max(largest, h.resolve(min));
            }
            long host = hostHeapBytes(largest);
            Environment.write(out, Environment.describe(c, settings.shard(), launcher.jvmFlags(host),
                    settings.cells().java()));
            int done = (int) mine.stream().filter(results::has).count();
            Map<String, Integer> statuses = new LinkedHashMap<>();
            progress.start(mine.size(), done);
            for (CellKey k : mine) {
                if (results.has(k)) continue;
                checkFreeSpace(out);
                ResultRow row = noMinHeap.containsKey(k)
                        ? ResultRow.failed(k, 0, 0, ResultRow.CRASH, "no minimum heap: " + noMinHeap.get(k), 0)
                        : runCell(c, k, minHeaps.getOrDefault(k, 0L), host);
                Environment.recordMachine(out, k);
                results.append(row);
                statuses.merge(row.status(), 1, Integer::sum);
                progress.cellDone(row);
            }
            return new Summary(mine.size(), done, statuses);
        } catch (CellLauncher.InfrastructureFailure e) {
            throw new CellLauncher.InfrastructureFailure("campaign " + c.name() + " stopped: " + e.getMessage()
                    + "; nothing was recorded for that cell: fix it and run the same command again to resume", e);
        }
    }

    /** Stops before a cell when the results folder's file system is (nearly) full. */
    private void checkFreeSpace(Path out) {
        long free;
        try {
            free = Files.getFileStore(out).getUsableSpace();
        } catch (IOException e) {
            throw new CellLauncher.InfrastructureFailure("cannot read the free space of " + out + ": " + e.getMessage(), e);
        }
        if (free < settings.minFreeBytes())
            throw new CellLauncher.InfrastructureFailure("no space left for the next cell: " + free / (1 << 20)
                    + " MiB free on the file system of " + out + ", a cell needs " + settings.minFreeBytes() / (1 << 20)
                    + " MiB", null);
    }

    /**
     * The host heap of simulated cells, the same for all of a campaign's cells: 1 GiB, or
     * 256 MiB plus twice the largest simulated heap when that is more (a warm-up's heap may still
     * be garbage when the measured run allocates its own).
     */
    static long hostHeapBytes(long largestSimulatedHeap) {
        return Math.max(1L << 30, (256L << 20) + 2 * largestSimulatedHeap);
    }

    private ResultRow runCell(Campaign c, CellKey k, long minHeap, long host) {
        long heap = c.heap(k.heap()).resolve(minHeap);
        Map<String, Path> recordings = new LinkedHashMap<>();
        for (String r : c.recordings()) {
            String[] where = RECORDING_FILES.get(r);
            recordings.put(r, where == null ? null : settings.out().resolve(where[0]).resolve(k.id() + where[1]));
        }
        CellLauncher.Outcome o = launcher.launch(k, heap, host, c.warmup(), c.timeLimit(), recordings,
                settings.out().resolve("logs"));
        return o.record() != null ? ResultRow.of(k, minHeap, o.record(), o.nanos())
                : ResultRow.failed(k, heap, minHeap, o.status(), o.message(), o.nanos());
    }

    /** The largest {@code -Xmx} the real JVM's minimum-heap search tries. */
    static final long JVM_SEARCH_LIMIT = 8L << 30;

    private long minimumHeap(MinimumHeap cache, Campaign c, CellKey k) {
        long seed = c.seeds().getFirst();
        if (Campaign.isJvm(k.manager())) {
            String[] lastFailure = {""};
            try {
                return cache.of(k.workload(), k.size(), k.params(), seed, MinimumHeap.JVM_SEARCH_MANAGER, 2L << 20,
                        JVM_SEARCH_LIMIT, bytes -> jvmFits(c, k, seed, bytes, lastFailure));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + " under " + MinimumHeap.JVM_SEARCH_MANAGER
                        + " (the last run ended with " + lastFailure[0] + ")");
            }
        }
        return cache.of(k.workload(), k.size(), k.params(), seed, c.minHeapManager(), 16L << 10, MinimumHeap.MAX_BYTES,
                bytes -> simulatedFits(c, k, seed, bytes));
    }

    /** In this JVM: the simulated run is the same wherever it runs. */
    private static boolean simulatedFits(Campaign c, CellKey k, long seed, long bytes) {
        RunRecord r;
        try {
            r = Runner.run(new Runner.Request(k.workload(), k.size(), c.minHeapManager(), bytes, seed, k.params(),
                    Math.max(4096, bytes / 64))).record();
        } catch (IllegalArgumentException e) {
            return false;
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("a heap of " + HeapSize.format(bytes) + " does not fit in the lab's own JVM;"
                    + " give it more with RECLAIM_JAVA_OPTS=-Xmx<size>");
        }
        if (r.status().equals(RunRecord.OK)) return true;
        if (r.status().equals(RunRecord.OOM)) return false;
        throw new IllegalStateException(k.workload() + " " + k.size() + " ends with " + r.status() + " under "
                + c.minHeapManager() + ": " + r.message());
    }

    /**
     * In a forked cell under the serial collector, with {@code -Xmx} = {@code bytes}. Any run that
     * does not end ok counts as too small: below a few MiB the JVM does not even start, and
     * {@code lab run} reports that as a failed fork rather than as out of memory.
     */
    private boolean jvmFits(Campaign c, CellKey k, long seed, long bytes, String[] lastFailure) {
        CellKey probe = new CellKey(k.workload(), k.size(), k.params(), MinimumHeap.JVM_SEARCH_MANAGER,
                HeapSize.format(bytes), seed, 1);
        CellLauncher.Outcome o;
        try {
            o = launcher.launch(probe, bytes, hostHeapBytes(0), 0, c.timeLimit(), Map.of(),
                    settings.out().resolve("logs").resolve("min-heap"));
        } catch (CellLauncher.InfrastructureFailure e) {
            throw new IllegalStateException("the search could not run a cell: " + e.getMessage());
        }
        if (o.status().equals(RunRecord.OK)) return true;
        lastFailure[0] = o.status() + ": " + o.message();
        return false;
    }

    private static void createFolder(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out))
            throw new BadInput("results folder " + out + " is a file, not a folder; give another --out");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create results folder " + out + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(out))
            throw new BadInput("results folder " + out + " is not writable; give another --out");
    }

    /**
     * Refuses a folder that holds results of another campaign file: its identity is the SHA-256
     * that {@code env.json} records, else that of its copy of the campaign file; a folder with
     * result rows and neither is refused too, since nothing says whose rows they are.
     */
    private static void prepare(Path out, Campaign c) {
        String sha = Environment.campaignSha256(out);
        String from = Environment.FILE_NAME;
        Path copy = out.resolve(CAMPAIGN_COPY);
        if (sha == null && Files.isRegularFile(copy)) {
            try {
                sha = CampaignFile.sha256(Files.readString(copy, java.nio.charset.StandardCharsets.UTF_8));
                from = CAMPAIGN_COPY;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + copy + ": " + e.getMessage(), e);
            }
        }
        if (sha != null && !sha.equals(c.sha256()))
            throw new BadInput("results folder " + out + " holds results of another campaign file (its " + from
                    + " has sha256 " + sha.substring(0, 12) + "..., " + c.file() + " is " + c.sha256().substring(0, 12)
                    + "...); give another --out, or delete the folder to start again");
        if (sha == null && ResultsFile.hasRows(out.resolve(ResultsCsv.FILE_NAME)))
            throw new BadInput("results folder " + out + " holds results but neither " + Environment.FILE_NAME
                    + " nor " + CAMPAIGN_COPY + " to say of which campaign; give another --out, or delete the folder"
                    + " to start again");
        ResultsFile.writeWhole(copy, c.text());
    }
}
