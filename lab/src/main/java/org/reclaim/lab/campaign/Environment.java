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
import org.reclaim.analysis.results.ResultsFile;

/**
 * A results folder's {@code env.json}: where and with what the campaign ran (JDK, the cells' JVM
 * flags, OS, CPU count, git revision when the lab runs inside a git work tree, the campaign
 * file's name and SHA-256, the shard), so a reader can reproduce each figure.
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
        env.put("warmup", c.warmup());
        env.put("time_limit_ms", c.timeLimit().toMillis());
        return env;
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
