package org.reclaim.lab.campaign;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.runtime.RunRecord;

/**
 * Runs one campaign cell in its own JVM: builds the command line ({@link #command}), forks it
 * with standard output and error going to files, kills the process tree when the time limit
 * passes, and reads the run record back. A cell that produces no record is a result too:
 * {@code timeout}, {@code oom} (a real JVM's OutOfMemoryError) or {@code crash}, with the last
 * lines of its standard error as the message.
 *
 * <p>A cell's JVM runs with fixed flags, the same for every cell of a campaign and recorded in
 * {@code env.json}: {@code -XX:+UseSerialGC -Xss16m -Xms<H> -Xmx<H> -XX:-UsePerfData}, where the
 * host heap H is fixed per campaign ({@link CampaignRunner#hostHeapBytes}) so the simulated heap
 * and its warm-up copies fit and the host's own collector hardly runs. A {@code jvm:*} cell's
 * JVM only drives: {@code lab run} forks the measured JVM itself, with that collector and
 * {@code -Xms} = {@code -Xmx} = the cell's heap, and the warm-up iterations run in that JVM.
 *
 * <p>A cell that failed because of the machine, not of itself, throws
 * {@link InfrastructureFailure} instead of producing an outcome: its JVM could not be started or
 * did not initialise, its output could not be written (no space left), it was killed by a
 * signal the campaign did not send (SIGKILL or SIGTERM: the system's out-of-memory killer, or a
 * person), or it exited normally without a record (its standard output was lost).
 */
public final class CellLauncher {
    /**
     * The main class of a cell's JVM, {@code org.reclaim.lab.CellMain}: named, not referenced, as
     * the Slurm job script names {@code org.reclaim.lab.Lab}. It sits beside the lab's command line
     * it runs, above this package.
     */
    static final String CELL_MAIN = "org.reclaim.lab.CellMain";

    /**
     * How cells are forked.
     *
     * @param java       the {@code java} launcher
     * @param classpath  the classpath holding the lab (its jar, or in tests this JVM's classpath)
     * @param extraFlags JVM flags added to every cell (tests inject faults through them)
     */
    public record Settings(String java, String classpath, List<String> extraFlags) {
        public Settings {
            extraFlags = List.copyOf(extraFlags);
        }

        /**
         * This JVM's launcher, and the jar the lab was loaded from (or, when it was loaded from a
         * classes folder as in the tests, this JVM's own classpath).
         */
        public static Settings current() {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String cp;
            try {
                Path source = Path.of(CellLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                cp = Files.isRegularFile(source) ? source.toString() : System.getProperty("java.class.path");
            } catch (URISyntaxException | SecurityException e) {
                cp = System.getProperty("java.class.path");
            }
            return new Settings(java, cp, List.of());
        }
    }

    /**
     * What a cell produced: its record, or why there is none.
     *
     * @param record  the run record, or null
     * @param status  the record's status, or {@code timeout}, {@code oom}, {@code crash}
     * @param message why the cell did not end ok, else empty
     * @param nanos   the cell's wall time, fork included
     */
    public record Outcome(RunRecord record, String status, String message, long nanos) {}

    /**
     * A cell that could not run for a reason outside it: the campaign stops (nothing is recorded
     * for the cell) and resumes when the same command runs again.
     */
    public static final class InfrastructureFailure extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        public InfrastructureFailure(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(message, cause));
        }
    }

    /** What a cell JVM's standard error says when the machine, not the cell, failed it. */
    private static final List<String> INFRASTRUCTURE_SIGNS = List.of("No space left on device",
            "Error occurred during initialization of VM", "Could not create the Java Virtual Machine",
            "Could not reserve enough space", "Disk quota exceeded", "Read-only file system");

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int STDERR_LINES = 5;

    private final Settings settings;

    public CellLauncher(Settings settings) {
        this.settings = settings;
    }

    /** The settings cells are forked with. */
    public Settings settings() { return settings; }

    /**
     * The JVM flags of every cell of a campaign whose simulated heaps need a host heap of
     * {@code hostHeapBytes}.
     */
    public List<String> jvmFlags(long hostHeapBytes) {
        long mib = (hostHeapBytes + (1 << 20) - 1) >> 20;
        List<String> f = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xss16m", "-Xms" + mib + "m", "-Xmx" + mib + "m",
                "-XX:-UsePerfData", "-Djava.awt.headless=true"));
        f.addAll(settings.extraFlags());
        return f;
    }

    /**
     * The whole command line of a cell.
     *
     * @param recordings {@code hlog}/{@code timeline}/{@code jfr} to the file each goes to, and
     *                   {@code oracle} (no file: the lifetime oracle's figures go into the row; simulated managers only)
     */
    public List<String> command(CellKey key, long heapBytes, long hostHeapBytes, int warmup, Map<String, Path> recordings) {
        List<String> c = new ArrayList<>();
        c.add(settings.java());
        c.addAll(jvmFlags(hostHeapBytes));
        c.addAll(List.of("-cp", settings.classpath(), CELL_MAIN, "--warmup", Integer.toString(warmup),
                "run", "--workload", key.workload(), "--size", key.size(), "--manager", key.manager(),
                "--heap", Long.toString(heapBytes), "--seed", Long.toString(key.seed()), "--json"));
        recordings.forEach((r, file) -> {
            if (file != null) c.addAll(List.of("--" + r, file.toString()));
            else if (!Campaign.isJvm(key.manager())) c.add("--" + r);
        });
        key.params().forEach((k, v) -> c.addAll(List.of("--" + k, v)));
        return c;
    }

    /**
     * Runs one cell and waits for it, at most {@code limit}; its standard output and error go to
     * {@code logs/<id>.out} and {@code .err} under {@code logDir}, and the error file stays only
     * when it is not empty.
     */
    public Outcome launch(CellKey key, long heapBytes, long hostHeapBytes, int warmup, Duration limit,
                          Map<String, Path> recordings, Path logDir) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(logDir);
            for (Path p : recordings.values()) if (p != null) Files.createDirectories(p.toAbsolutePath().getParent());
            Path out = logDir.resolve(key.id() + ".out"), err = logDir.resolve(key.id() + ".err");
            Process p = new ProcessBuilder(command(key, heapBytes, hostHeapBytes, warmup, recordings))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            boolean finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) killTree(p);
            long nanos = System.nanoTime() - t0;
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            if (stderr.isBlank()) Files.delete(err);
            if (!finished)
                return new Outcome(null, ResultRow.TIMEOUT, "killed after the time limit of " + limit.toMillis() + " ms"
                        + lastLines(stderr, ": "), nanos);
            RunRecord record = record(stdout);
            if (record != null) return new Outcome(record, record.status(), record.message(), nanos);
            for (String sign : INFRASTRUCTURE_SIGNS)
                if (stderr.contains(sign))
                    throw new InfrastructureFailure("the cell " + key + " failed for a reason outside it (" + sign + ")"
                            + lastLines(stderr, ": "), null);
            if (p.exitValue() == 128 + 9 || p.exitValue() == 128 + 15)
                throw new InfrastructureFailure("the cell " + key + " was killed from outside the campaign (signal "
                        + (p.exitValue() - 128) + ": the system's out-of-memory killer, or a person)" + lastLines(stderr, ": "), null);
            if (p.exitValue() == 0)
                throw new InfrastructureFailure("the cell " + key + " exited normally but its run record never reached "
                        + out + " (is its file system full?)", null);
            if (stderr.contains("OutOfMemoryError"))
                return new Outcome(null, ResultRow.OOM, "the JVM ran out of memory" + lastLines(stderr, ": "), nanos);
            return new Outcome(null, ResultRow.CRASH, "exit status " + p.exitValue() + lastLines(stderr, ": "), nanos);
        } catch (IOException e) {
            throw new InfrastructureFailure("cannot run the cell " + key + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while a cell ran", e));
        }
    }

    private static void killTree(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
    }

    /** The run record on the last JSON line of {@code stdout}, or null. */
    private static RunRecord record(String stdout) {
        List<String> lines = stdout.lines().filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty()) return null;
        try {
            return JSON.readValue(lines.getLast(), RunRecord.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String lastLines(String text, String prefix) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return "";
        return prefix + String.join(" | ", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    }
}
