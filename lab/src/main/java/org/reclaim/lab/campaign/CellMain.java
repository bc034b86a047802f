package org.reclaim.lab.campaign;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reclaim.lab.Lab;

/**
 * The main class of a forked campaign cell: {@code CellMain --warmup N <lab run arguments>}.
 * Runs {@code lab run} N times with its output discarded (and without its recordings), then once
 * more as the measured run, whose {@code --json} record is the last line on standard output.
 * Exits with {@code lab run}'s status, or at once when the campaign that forked it dies.
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
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        String[] warm = withoutRecordings(run);
        for (int i = 0; i < warmup; i++) Lab.commandLine().execute(warm);
        System.setOut(out);
        int status = Lab.commandLine().execute(run);
        System.out.flush();
        System.exit(status);
    }

    /** A cell whose campaign was killed ends too, rather than run on unobserved. */
    private static void orphanWatch() {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(137)));
    }

    private static String[] withoutRecordings(String[] run) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < run.length; i++) {
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
