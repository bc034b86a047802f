package org.reclaim.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.reclaim.analysis.oracle.LifetimeSplit;
import org.reclaim.runtime.probe.PauseRecorder;

/**
 * A run's timeline as CSV: one row per pause (start from the run's start and duration in ns,
 * kind, objects and words processed, bytes in use before and after), then one row per footprint
 * sample (the allocation clock and bytes in use). The {@code record} column says which a row is;
 * columns that do not apply are empty.
 */
public final class TimelineCsv {
    private TimelineCsv() {}

    /** The columns, in order. */
    public static final String[] HEADER = {"record", "start.ns", "duration.ns", "kind", "objects", "words",
            "inuse.before.bytes", "inuse.after.bytes", "allocated.bytes", "inuse.bytes",
            "live.bytes", "reachable.bytes", "drag.bytes", "garbage-held.bytes", "leaked.bytes"};

    /** Writes the timeline {@code rec} holds (of a run that has ended) to {@code file}, whole or not at all. */
    public static void write(Path file, PauseRecorder rec) throws IOException { write(file, rec, null); }

    /**
     * As {@link #write(Path, PauseRecorder)}, with the lifetime oracle's curves at each footprint
     * sample when {@code oracle} is not null (evaluated at the samples' allocation clock): the
     * liveness curve ({@code live.bytes}), the reachability curve ({@code reachable.bytes}), and
     * the drag, garbage held and leaked parts of bytes in use.
     */
    public static void write(Path file, PauseRecorder rec, LifetimeSplit oracle) throws IOException {
        long[] at = new long[rec.sampleCount()];
        for (int i = 0; i < at.length; i++) at[i] = rec.sampleClock(i);
        LifetimeSplit.Curves c = oracle == null ? null : oracle.curves(at);
        atomically(file, out -> {
            for (int i = 0; i < rec.pauseCount(); i++)
                out.printRecord("pause", rec.pauseStart(i) - rec.runStart(), rec.pauseDuration(i), rec.pauseKind(i),
                        rec.pauseObjects(i), rec.pauseWords(i), rec.pauseInUseBefore(i), rec.pauseInUseAfter(i), "", "",
                        "", "", "", "", "");
            for (int i = 0; i < at.length; i++) {
                if (c == null) out.printRecord("footprint", "", "", "", "", "", "", "", at[i], rec.sampleInUse(i), "", "", "", "", "");
                else out.printRecord("footprint", "", "", "", "", "", "", "", at[i], rec.sampleInUse(i),
                        c.liveness()[i], c.reachability()[i], c.drag()[i], c.garbageHeld()[i], c.leaked()[i]);
            }
        });
    }

    /**
     * Writes the timeline of a JFR recording to {@code file}: its pauses (kind is the collector
     * and pause name; work and occupancy unknown) and the heap in use after each collection (on
     * the wall clock: its start column is set, its allocation clock empty).
     */
    public static void write(Path file, JfrPauses.Recording r) throws IOException {
        atomically(file, out -> {
            for (JfrPauses.Pause p : r.pauses())
                out.printRecord("pause", Duration.between(r.start(), p.start()).toNanos(), p.nanos(),
                        p.collector() + ": " + p.name(), "", "", "", "", "", "", "", "", "", "", "");
            for (JfrPauses.HeapSample s : r.afterGc())
                out.printRecord("footprint", Duration.between(r.start(), s.time()).toNanos(), "", "", "", "", "", "", "", s.inUse(),
                        "", "", "", "", "");
        });
    }

    /**
     * Copies the oracle's columns ({@code live.bytes} … {@code leaked.bytes}) from the footprint
     * rows of {@code from} into the footprint rows of {@code into} with the same allocation clock:
     * the timeline of a measured run gains the curves of an oracle run of the same deterministic
     * program. Rewrites {@code into} whole or not at all.
     */
    public static void takeOracleColumns(Path into, Path from) throws IOException {
        Map<String, List<String>> curves = new HashMap<>();
        List<String> oracleColumns = List.of(HEADER).subList(10, HEADER.length);
        for (CSVRecord r : read(from))
            if (r.get("record").equals("footprint") && !r.get("allocated.bytes").isEmpty())
                curves.put(r.get("allocated.bytes"), oracleColumns.stream().map(r::get).toList());
        List<org.apache.commons.csv.CSVRecord> rows = read(into);
        atomically(into, out -> {
            for (CSVRecord r : rows) {
                List<String> values = new ArrayList<>(r.toList());
                List<String> c = r.get("record").equals("footprint") ? curves.get(r.get("allocated.bytes")) : null;
                if (c != null) for (int k = 0; k < c.size(); k++) values.set(10 + k, c.get(k));
                out.printRecord(values);
            }
        });
    }

    private static List<org.apache.commons.csv.CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader(HEADER).setSkipHeaderRecord(true).build().parse(in)) {
            return p.getRecords();
        }
    }

    private interface Rows { void print(CSVPrinter out) throws IOException; }

    private static void atomically(Path file, Rows rows) throws IOException {
        Path tmp = AsideFile.create(file);
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader(HEADER).build().print(w)) {
                rows.print(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
