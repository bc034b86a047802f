package org.reclaim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.cost.CostWeights;

/**
 * Rewrites the cost weights file from a JMH result of {@link Calibration}:
 * {@code CalibrateWeights RESULT.json WEIGHTS.csv [--command TEXT]}. Each row's nanoseconds
 * become the median of its benchmark's measured iterations (all forks); the rows, sides and
 * words stay; the file's head records the machine, the JDK, the date and the command.
 * {@code scripts/bench --calibrate} runs it.
 */
public final class CalibrateWeights {
    private CalibrateWeights() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--command"))) {
            System.err.println("usage: CalibrateWeights RESULT.json WEIGHTS.csv [--command TEXT]");
            System.exit(2);
        }
        Path result = Path.of(args[0]), weightsFile = Path.of(args[1]);
        Map<String, Double> ns = medians(new ObjectMapper().readTree(result.toFile()));
        CostWeights old = CostWeights.read(weightsFile);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", CostWeights.FORMAT);
        meta.put("what", old.meta().getOrDefault("what", "nanoseconds and memory words per unit of each work counter"));
        meta.put("calibrated", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
        meta.put("machine", machine());
        meta.put("jdk", Runtime.version() + " (" + System.getProperty("java.vm.name") + ")");
        meta.put("command", args.length == 4 ? args[3] : "CalibrateWeights " + String.join(" ", args));
        meta.put("ns_per_unit", "median of the benchmark's measured iterations, all forks (" + result.getFileName() + ")");
        CostWeights fresh = old.recalibrated(meta, ns);
        Files.writeString(weightsFile, fresh.text(), StandardCharsets.UTF_8);
        System.out.println("calibrated weights written to " + weightsFile);
        ns.forEach((b, v) -> System.out.printf(java.util.Locale.ROOT, "  %-16s %8.3f ns%n", b, v));
    }

    /** Each benchmark's median over its raw iteration scores, by the benchmark's method name. */
    static Map<String, Double> medians(JsonNode jmh) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode b : jmh) {
            String name = b.get("benchmark").asText();
            List<Double> raw = new ArrayList<>();
            for (JsonNode fork : b.get("primaryMetric").get("rawData")) for (JsonNode v : fork) raw.add(v.asDouble());
            double[] values = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = values.length;
            out.put(name.substring(name.lastIndexOf('.') + 1), n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
        }
        return out;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the CPU's name stays unknown
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String load = "";
        try {
            load = ", load average " + String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException | RuntimeException ignored) {
            // no load average outside Linux
        }
        return host + ", " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + load;
    }
}
