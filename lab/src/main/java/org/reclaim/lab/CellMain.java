package org.reclaim.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reclaim.analysis.TimelineCsv;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.lab.campaign.Campaign;

/**
 * The main class of a forked campaign cell: {@code CellMain --warmup N <lab run arguments>}.
 * Runs {@code lab run --warmup N}: warm-up iterations (at least N, until their times settle), in
 * this JVM for a simulated manager and in the JVM {@code lab run} forks for a {@code jvm:*} one,
 * then the measured run, whose {@code --json} record is the last line on standard output, with the
 * number of warm-up iterations as its {@code warmup.iterations} metric ({@link ResultsCsv#WARMUP_ITERATIONS}).
 * With {@code --oracle}, the lifetime oracle runs in a run of its own after the measured one (the
 * same deterministic program, so the same objects and footprint samples on the same allocation
 * clock): its {@code oracle.*} figures join the measured record and its curves join the measured
 * run's timeline, whose times are thus not slowed by the oracle's walks. Exits with {@code lab run}'s status, or at once
 * when the campaign that forked it dies.
 *
 * <p>Tests of the campaign runner inject faults through a system property no user sets:
 * {@code -Dreclaim.cell.fault.<seed>=crash} makes the cell with that seed exit with status 7
 * after a message on standard error, {@code =hang} makes it sleep forever.
 */
public final class CellMain {
    private CellMain() {}

    /** Flags of {@code lab run} that make files: kept for the measured run only. */
    private static final List<String> RECORDING_FLAGS = Campaign.RECORDINGS.stream().map(r -> "--" + r).toList();

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || !args[0].equals("--warmup"))
            throw new IllegalArgumentException("usage: CellMain --warmup N run <lab run arguments>");
        int warmup = Integer.parseInt(args[1]);
        String[] run = Arrays.copyOfRange(args, 2, args.length);
        orphanWatch();
        fault(run);
        PrintStream out = System.out;
        List<String> warmed = new ArrayList<>(Arrays.asList(run));
        warmed.addAll(1, List.of("--warmup", Integer.toString(warmup)));    // after the subcommand, before the workload's own options
        if (!Arrays.asList(run).contains("--oracle")) {
            int status = Lab.commandLine().execute(warmed.toArray(String[]::new));
            out.flush();
            System.exit(status);
        }
        String[] measured = withoutOracle(warmed.toArray(String[]::new));
        List<String> oracle = new ArrayList<>(Arrays.asList(withoutRecordings(run)));
        oracle.add("--oracle");
        int t = Arrays.asList(run).indexOf("--timeline");
        Path timeline = t >= 0 ? Path.of(run[t + 1]) : null;
        Path oracleTimeline = timeline == null ? null : timeline.resolveSibling(timeline.getFileName() + ".oracle.tmp");
        if (oracleTimeline != null) oracle.addAll(List.of("--timeline", oracleTimeline.toString()));
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        System.setOut(new PrintStream(record, true, StandardCharsets.UTF_8));
        int status = Lab.commandLine().execute(measured);
        String json = record.toString(StandardCharsets.UTF_8).strip();
        if (status == 0) {
            ByteArrayOutputStream second = new ByteArrayOutputStream();
            System.setOut(new PrintStream(second, true, StandardCharsets.UTF_8));
            Lab.commandLine().execute(oracle.toArray(String[]::new));
            json = withOracleFigures(json, second.toString(StandardCharsets.UTF_8).strip());
            if (oracleTimeline != null && Files.isRegularFile(oracleTimeline)) {
                try {
                    TimelineCsv.takeOracleColumns(timeline, oracleTimeline);
                } catch (IOException | RuntimeException e) {
                    System.err.println("cell: the oracle's curves could not join the timeline: " + e.getMessage());
                } finally {
                    try { Files.deleteIfExists(oracleTimeline); } catch (IOException ignored) { }
                }
            }
        }
        out.println(json);
        out.flush();
        System.exit(status);
    }

    /** The measured record with the {@code oracle.*} metrics of the oracle run's record. */
    private static String withOracleFigures(String measured, String oracleRun) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode m = (ObjectNode) mapper.readTree(measured);
            JsonNode o = mapper.readTree(oracleRun).get("metrics");
            ObjectNode metrics = (ObjectNode) m.get("metrics");
            if (o != null && metrics != null)
                o.fields().forEachRemaining(e -> { if (e.getKey().startsWith("oracle.")) metrics.set(e.getKey(), e.getValue()); });
            return mapper.writeValueAsString(m);
        } catch (IOException | RuntimeException e) {
            return measured;              // the measured record stands; the oracle's figures are simply absent
        }
    }

    /** The measured run's arguments: everything but the oracle. */
    private static String[] withoutOracle(String[] run) {
        return Arrays.stream(run).filter(a -> !a.equals("--oracle")).toArray(String[]::new);
    }

    /** A cell whose campaign was killed ends too, rather than run on unobserved. */
    private static void orphanWatch() {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }

    private static String[] withoutRecordings(String[] run) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < run.length; i++) {
            if (run[i].equals("--oracle")) continue;              // a flag without a value
            if (RECORDING_FLAGS.contains(run[i])) i++;
            else out.add(run[i]);
        }
        return out.toArray(String[]::new);
    }

    private static void fault(String[] run) throws InterruptedException {
        int s = Arrays.asList(run).indexOf("--seed");
        if (s < 0) return;
        String fault = System.getProperty("reclaim.cell.fault." + run[s + 1]);
        if ("crash".equals(fault)) {
            System.err.println("cell fault injected by a test: crashing");
            System.exit(7);
        }
        if ("hang".equals(fault)) Thread.sleep(Long.MAX_VALUE);
    }
}
