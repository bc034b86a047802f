package org.reclaim.lab.campaign.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.analysis.results.ResultsFile;
import org.reclaim.lab.campaign.Campaign;
import org.reclaim.lab.campaign.Environment;
import org.reclaim.lab.campaign.Progress;
import org.reclaim.lab.input.BadInput;

/**
 * A campaign run as one Slurm job array, from the machine the user types on:
 * <ol>
 *   <li>writes into {@code OUT/slurm/} a frozen copy of the campaign file, the job script
 *       ({@link JobScript}: task {@code i} runs shard {@code i/n} into {@code slurm/shard-i/}) and
 *       {@code array.json} (the number of tasks, fixed for the folder's life);</li>
 *   <li>finds the tasks of this folder's job name still queued or running (a run of the command
 *       that was killed leaves them so), and submits only the shards that have cells without a
 *       row and no such task: a re-run resubmits only what is missing, and a shard is never run
 *       by two tasks at once;</li>
 *   <li>follows the tasks with {@code squeue}, with the progress over cells read from the shards'
 *       {@code results.csv};</li>
 *   <li>when no task of the folder is left to run, merges the shards into {@code OUT} and says
 *       which tasks did not complete, with Slurm's state.</li>
 * </ol>
 * A cell that a cancelled or timed-out task's SIGTERM killed (exit status 143) is not a result:
 * its row is taken out of the shard so the next run measures it.
 */
public final class SlurmCampaign {

    /**
     * What a run did.
     *
     * @param cells     the campaign's cells
     * @param missing   cells still without a row in {@code OUT/results.csv}
     * @param submitted the tasks submitted now, as Slurm's array spec ({@code 1-16}), or empty
     * @param jobId     the array job submitted now, or 0
     * @param unfinished the tasks followed that ended other than COMPLETED, one line each
     */
    public record Summary(int cells, int missing, String submitted, long jobId, List<String> unfinished) {}

    /** The Slurm folder inside a results folder. */
    public static final String FOLDER = "slurm";
    /** Rows of cells killed by their task's SIGTERM, which are not results. */
    private static final Set<String> KILLING_STATES = Set.of("CANCELLED", "TIMEOUT", "PREEMPTED", "NODE_FAIL", "DEADLINE",
            "FAILED", "OUT_OF_MEMORY");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Campaign campaign;
    private final Path out, slurmDir;
    private final SlurmOptions options;
    private final String java, classpath;
    private final Path projectRoot;
    private final long pollMillis;

    /**
     * @param campaign    the campaign
     * @param out         the results folder
     * @param options     partition, parallelism, time limit, tasks
     * @param java        the {@code java} launcher this command runs with
     * @param classpath   the lab's jar
     * @param projectRoot the lab's source tree (for {@code scripts/jdk.sh}), or null
     * @param pollMillis  how often {@code squeue} is asked
     */
    public SlurmCampaign(Campaign campaign, Path out, SlurmOptions options, String java, String classpath, Path projectRoot,
                         long pollMillis) {
        List<String> problems = JobScript.problems(options);
        if (!problems.isEmpty()) throw new BadInput(String.join("; ", problems));
        this.campaign = campaign;
        this.out = out.toAbsolutePath().normalize();
        this.slurmDir = this.out.resolve(FOLDER);
        this.options = options;
        this.java = java;
        this.classpath = classpath;
        this.projectRoot = projectRoot;
        this.pollMillis = pollMillis;
    }

    /** The job's name: the campaign's and a hash of the results folder, so a later run finds its tasks. */
    public String jobName() {
        String name = campaign.name().replaceAll("[^A-Za-z0-9_.-]", "-");
        if (name.length() > 24) name = name.substring(0, 24);
        return "reclaim-" + name + "-" + String.format("%08x", out.toString().hashCode());
    }

    /**
     * Writes the Slurm folder (campaign copy, job script, {@code array.json}) and returns the script.
     *
     * @throws BadInput when the folder holds results of another campaign file
     */
    public JobScript prepare() {
        String sha = Environment.campaignSha256(out);
        JsonNode array = readArray();
        String arraySha = array == null ? null : array.path("sha256").asText(null);
        for (String s : new String[] {sha, arraySha})
            if (s != null && !s.equals(campaign.sha256()))
                throw new BadInput("results folder " + out + " holds results of another campaign file (sha256 "
                        + s.substring(0, 12) + "..., " + campaign.file() + " is " + campaign.sha256().substring(0, 12)
                        + "...); give another --out, or delete the folder to start again");
        int cells = campaign.cells().size();
        int tasks = array != null ? array.path("tasks").asInt()
                : Math.min(cells, options.tasks() > 0 ? options.tasks() : SlurmOptions.MAX_TASKS);
        try {
            Files.createDirectories(slurmDir.resolve("logs"));
            Path copy = slurmDir.resolve(Path.of(campaign.file()).getFileName().toString());
            ResultsFile.writeWhole(copy, campaign.text());
            JobScript script = new JobScript(jobName(), tasks, options, copy, slurmDir, projectRoot, java, classpath);
            ResultsFile.writeWhole(slurmDir.resolve(JobScript.FILE_NAME), script.text());
            if (array == null) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("tasks", tasks);
                a.put("sha256", campaign.sha256());
                a.put("job_name", jobName());
                ResultsFile.writeWhole(slurmDir.resolve("array.json"), JSON.writeValueAsString(a) + "\n");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + slurmDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Submits what is missing, waits for every task of the folder, and merges the shards into the
     * results folder with {@code merge} ({@code lab merge}'s merge).
     */
    public Summary run(JobScript script, Progress progress, BiConsumer<Path, List<Path>> merge) {
        List<CellKey> cells = campaign.cells();
        int n = script.tasks();
        Set<Long> watched = new HashSet<>();
        Set<Integer> live = new TreeSet<>();
        Map<Integer, Slurm.Task> last = new TreeMap<>();      // each shard's task as last seen
        for (Slurm.Task t : Slurm.tasks(script.jobName()))
            if (!t.ended()) { live.add(t.index()); watched.add(t.arrayJobId()); last.put(t.index(), t); }
        Set<CellKey> done = doneCells(n);
        Set<Integer> toSubmit = new TreeSet<>();
        int toRun = 0;
        for (int p = 0; p < cells.size(); p++) {
            int shard = p % n + 1;
            if (done.contains(cells.get(p)) || live.contains(shard)) continue;
            toSubmit.add(shard);
            toRun++;
        }
        if (!live.isEmpty()) progress.note("tasks " + ranges(live) + " of " + script.jobName() + " are still queued or running: waiting for them");
        String spec = ranges(toSubmit);
        long jobId = 0;
        if (!toSubmit.isEmpty()) {
            jobId = Slurm.submit(slurmDir.resolve(JobScript.FILE_NAME),
                    spec + (options.maxParallel() > 0 ? "%" + options.maxParallel() : ""));
            watched.add(jobId);
            for (int i : toSubmit) last.put(i, new Slurm.Task(jobId, jobId, i, "PENDING", ""));
            progress.note("submitted job " + jobId + " (" + script.jobName() + "): tasks " + spec + " of " + n + ", "
                    + toRun + " cells to run; task logs in " + slurmDir.resolve("logs"));
        }
        Map<Path, Long> sizes = new HashMap<>();
        Set<CellKey> seen = new HashSet<>(done);
        progress.start(cells.size(), done.size());
        try {
            boolean running = !watched.isEmpty();
            while (running) {
                sleep();
                running = false;
                Set<Integer> listed = new HashSet<>();
                for (Slurm.Task t : Slurm.tasks(script.jobName())) {
                    if (!watched.contains(t.arrayJobId())) continue;
                    Slurm.Task before = last.get(t.index());
                    if (before == null || before.arrayJobId() <= t.arrayJobId()) last.put(t.index(), t);
                    listed.add(t.index());
                    running |= !t.ended();
                }
                for (Map.Entry<Integer, Slurm.Task> e : last.entrySet())
                    if (!listed.contains(e.getKey()) && !e.getValue().ended()) e.setValue(e.getValue().gone());
                report(n, sizes, seen, progress);
            }
            report(n, sizes, seen, progress);
        } finally {
            progress.close();
        }
        List<String> unfinished = new ArrayList<>();
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Path shard = JobScript.shardDir(slurmDir, i);
            Slurm.Task t = last.get(i);
            if (t != null && !t.state().equals("COMPLETED"))
                unfinished.add("task " + i + " (job " + t.arrayJobId() + "_" + i + (t.node().isEmpty() ? "" : ", node " + t.node()) + "): "
                        + t.state() + "; log " + slurmDir.resolve("logs").resolve("task-" + i + ".out"));
            Path csv = shard.resolve(ResultsCsv.FILE_NAME);
            if (!Files.isRegularFile(csv)) continue;
            ResultsFile.open(csv).close();                    // cuts a row a killed task left half written
            if (t != null && KILLING_STATES.contains(t.state())) dropKilledCells(csv);
            shards.add(shard);
        }
        if (!shards.isEmpty()) {
            merge.accept(out, shards);
            List<Path> byPrecedence = new ArrayList<>(List.of(out));   // a shard's line (a later run) wins
            byPrecedence.addAll(shards);
            Environment.mergeMachines(out, byPrecedence);
        }
        Set<CellKey> merged = keys(out.resolve(ResultsCsv.FILE_NAME));
        int missing = (int) cells.stream().filter(k -> !merged.contains(k)).count();
        return new Summary(cells.size(), missing, spec, jobId, unfinished);
    }

    /** Cells with a row in the results folder or in a shard. */
    private Set<CellKey> doneCells(int n) {
        Set<CellKey> done = new HashSet<>(keys(out.resolve(ResultsCsv.FILE_NAME)));
        for (int i = 1; i <= n; i++) completeRows(JobScript.shardDir(slurmDir, i).resolve(ResultsCsv.FILE_NAME))
                .forEach(r -> done.add(r.key()));
        return done;
    }

    /** Steps the progress for rows the shards gained since the last look. */
    private void report(int n, Map<Path, Long> sizes, Set<CellKey> seen, Progress progress) {
        for (int i = 1; i <= n; i++) {
            Path csv = JobScript.shardDir(slurmDir, i).resolve(ResultsCsv.FILE_NAME);
            long size;
            try {
                size = Files.isRegularFile(csv) ? Files.size(csv) : 0;
            } catch (IOException e) {
                continue;
            }
            if (size == sizes.getOrDefault(csv, 0L)) continue;
            sizes.put(csv, size);
            for (ResultRow r : completeRows(csv)) if (seen.add(r.key())) progress.cellDone(r);
        }
    }

    /** The rows of a results file a task may be appending to: its complete lines only. */
    private List<ResultRow> completeRows(Path csv) {
        if (!Files.isRegularFile(csv)) return List.of();
        try {
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            Path copy = slurmDir.resolve(".reading.csv");
            ResultsFile.writeWhole(copy, text.substring(0, text.lastIndexOf('\n') + 1));
            try {
                return ResultsCsv.read(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Takes out of a shard's results the crash rows of cells ended by SIGTERM (exit status 143): their task was stopped, they did not fail. */
    static void dropKilledCells(Path csv) {
        List<ResultRow> rows = ResultsCsv.read(csv);
        List<ResultRow> kept = rows.stream().filter(r -> !(r.status().equals(ResultRow.CRASH)
                && r.message().startsWith("exit status 143"))).toList();
        if (kept.size() == rows.size()) return;
        StringBuilder sb = new StringBuilder(ResultsCsv.headerLine());
        kept.forEach(r -> sb.append(ResultsCsv.line(r)));
        ResultsFile.writeWhole(csv, sb.toString());
    }

    private static Set<CellKey> keys(Path csv) {
        Set<CellKey> keys = new HashSet<>();
        if (Files.isRegularFile(csv)) ResultsCsv.read(csv).forEach(r -> keys.add(r.key()));
        return keys;
    }

    private JsonNode readArray() {
        Path f = slurmDir.resolve("array.json");
        if (!Files.isRegularFile(f)) return null;
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new BadInput("cannot read " + f + ": " + e.getMessage() + "; delete " + slurmDir + " to start the Slurm run again");
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput("interrupted; the tasks keep running: run the same command again to follow them");
        }
    }

    /** Slurm's array spec for {@code indices}: {@code 1-4,7,9-10}. */
    static String ranges(Set<Integer> indices) {
        StringBuilder sb = new StringBuilder();
        Integer start = null, prev = null;
        for (int i : indices) {
            if (prev != null && i == prev + 1) { prev = i; continue; }
            if (start != null) sb.append(sb.isEmpty() ? "" : ",").append(start.equals(prev) ? "" + start : start + "-" + prev);
            start = prev = i;
        }
        if (start != null) sb.append(sb.isEmpty() ? "" : ",").append(start.equals(prev) ? "" + start : start + "-" + prev);
        return sb.toString();
    }
}
