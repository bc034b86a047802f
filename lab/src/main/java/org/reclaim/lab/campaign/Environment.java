package org.reclaim.lab.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultsFile;

/**
 * A results folder's {@code env.json}: where and with what the campaign ran (JDK, the cells' JVM
 * flags, OS, CPU count, git revision when the lab runs inside a git work tree, the campaign
 * file's name and SHA-256, the shard, and the machine: node, CPU model and, inside a Slurm job,
 * its job and array ids), so a reader can reproduce each figure. Each cell's machine is also kept
 * per cell in {@code machines.csv} ({@link #recordMachine}), since the shards of one campaign may
 * run on several machines and a report must say which machine measured what.
 */
public final class Environment {
    private Environment() {}

    /** The file's name inside a results folder. */
    static final String FILE_NAME = "env.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The environment of a campaign about to run here. */
    static Map<String, Object> describe(Campaign c, Shard shard, List<String> cellFlags, String java) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("campaign", Map.of("name", c.name(), "file", c.file(), "sha256", c.sha256()));
        env.put("shard", shard.toString());
        env.put("started", Instant.now().toString());
        env.put("lab", "Reclaim 0.1");
        env.put("git_revision", gitRevision());
        Map<String, Object> jdk = new LinkedHashMap<>();
        for (String p : List.of("java.version", "java.vendor", "java.vm.name", "java.vm.version", "java.home"))
            jdk.put(p, System.getProperty(p));
        env.put("jdk", jdk);
        env.put("cell_java", java);
        env.put("cell_jvm_flags", cellFlags);
        env.put("jvm_manager_flags", "lab run forks jvm:* runs with -XX:+Use<GC>GC -Xms<heap> -Xmx<heap>");
        env.put("lab_jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        env.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch")));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("machine", machine());
        env.put("warmup", c.warmup());
        env.put("time_limit_ms", c.timeLimit().toMillis());
        return env;
    }

    /** The per-cell machine file's name inside a results folder. */
    public static final String MACHINES = "machines.csv";
    /** Its columns. */
    public static final List<String> MACHINE_COLUMNS = List.of("cell", "node", "cpu_model", "slurm_job_id",
            "slurm_array_job_id", "slurm_array_task_id");

    private static Map<String, String> machine;

    /**
     * The machine this JVM runs on: {@code node} (Slurm's node name inside a job, else the host
     * name), {@code cpu_model} ({@code /proc/cpuinfo}'s model name, else the OS architecture) and,
     * inside a Slurm job, {@code slurm_job_id}, {@code slurm_array_job_id}, {@code slurm_array_task_id}.
     */
    public static synchronized Map<String, String> machine() {
        if (machine != null) return machine;
        Map<String, String> m = new LinkedHashMap<>();
        String node = System.getenv("SLURMD_NODENAME");
        if (node == null) {
            try {
                node = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                node = "unknown";
            }
        }
        m.put("node", node);
        m.put("cpu_model", cpuModel());
        for (String[] v : new String[][] {{"slurm_job_id", "SLURM_JOB_ID"}, {"slurm_array_job_id", "SLURM_ARRAY_JOB_ID"},
                {"slurm_array_task_id", "SLURM_ARRAY_TASK_ID"}})
            m.put(v[0], System.getenv().getOrDefault(v[1], ""));
        machine = java.util.Collections.unmodifiableMap(m);
        return machine;
    }

    private static String cpuModel() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info))
                for (String line : Files.readAllLines(info, StandardCharsets.UTF_8))
                    if (line.startsWith("model name") && line.contains(":")) return line.substring(line.indexOf(':') + 1).strip();
        } catch (IOException e) {
            // falls through to the architecture
        }
        return System.getProperty("os.arch");
    }

    /**
     * Appends the line of the cell {@code key}, measured on this machine, to
     * {@code folder/machines.csv} (made with its header); a cell measured again gets a later line,
     * and the last line of a cell is the one that counts.
     */
    static void recordMachine(Path folder, CellKey key) {
        Path f = folder.resolve(MACHINES);
        List<String> values = new java.util.ArrayList<>(List.of(key.id()));
        values.addAll(machine().values());
        try {
            String line = CSVFormat.DEFAULT.format(values.toArray()) + "\n";
            if (!Files.exists(f)) line = String.join(",", MACHINE_COLUMNS) + "\n" + line;
            Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rewrites {@code out/machines.csv} as the join of the {@code machines.csv} files of
     * {@code folders}: one line per cell, a later folder's last line of a cell winning over an
     * earlier folder's. The caller orders the folders so that the winning line is the machine of the
     * row its results.csv keeps. Folders without the file are skipped; nothing is written when none
     * has one.
     */
    public static void mergeMachines(Path out, List<Path> folders) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Path folder : folders) {
            Path f = folder.resolve(MACHINES);
            if (!Files.isRegularFile(f)) continue;
            try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(Files.newBufferedReader(f, StandardCharsets.UTF_8))) {
                for (CSVRecord r : p) if (r.size() == MACHINE_COLUMNS.size()) lines.put(r.get(0), r.toList());
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), new IOException(e));
            }
        }
        if (lines.isEmpty()) return;
        StringBuilder sb = new StringBuilder(String.join(",", MACHINE_COLUMNS)).append('\n');
        lines.values().forEach(l -> sb.append(CSVFormat.DEFAULT.format(l.toArray())).append('\n'));
        ResultsFile.writeWhole(out.resolve(MACHINES), sb.toString());
    }

    /** Writes {@code env} as {@code folder/env.json}, atomically. */
    static void write(Path folder, Map<String, Object> env) {
        try {
            ResultsFile.writeWhole(folder.resolve(FILE_NAME), JSON.writeValueAsString(env) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The campaign SHA-256 recorded in {@code folder/env.json}, or null when there is none. */
    public static String campaignSha256(Path folder) {
        JsonNode env = read(folder);
        return env == null ? null : env.path("campaign").path("sha256").asText(null);
    }

    /** {@code folder/env.json}, or null when there is none. */
    static JsonNode read(Path folder) {
        Path f = folder.resolve(FILE_NAME);
        if (!Files.exists(f)) return null;
        try {
            return JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** {@code git rev-parse HEAD} in the working directory (with {@code +dirty} for local changes), or null. */
    private static String gitRevision() {
        try {
            String rev = git("rev-parse", "HEAD");
            if (rev == null || rev.isEmpty()) return null;
            String status = git("status", "--porcelain", "--untracked-files=no");
            return status == null || status.isEmpty() ? rev : rev + "+dirty";
        } catch (IOException e) {
            return null;
        }
    }

    private static String git(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS)) { p.destroyForcibly(); return null; }
            return p.exitValue() == 0 ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
