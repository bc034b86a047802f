package org.reclaim.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads any {@code .jfr} file into pause records: the JVM's own ({@code jdk.GCPhasePause}, each
 * one stop-the-world pause, named after its collection's {@code jdk.GarbageCollection}) and
 * Reclaim's ({@code reclaim.Pause}, named after the manager of the recording's
 * {@code reclaim.RunInfo}), with the heap-in-use samples of both ({@code jdk.GCHeapSummary},
 * {@code reclaim.Footprint}). Built on {@code jdk.jfr.consumer}.
 *
 * <p>The JVM's pauses are the events {@code jfr view gc-pauses} counts, so the two agree on count,
 * total and maximum.
 */
public final class JfrPauses {
    private JfrPauses() {}

    static final String GC_PHASE_PAUSE = "jdk.GCPhasePause";
    static final String GARBAGE_COLLECTION = "jdk.GarbageCollection";
    static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
    static final String RECLAIM_PAUSE = "reclaim.Pause";
    static final String RECLAIM_FOOTPRINT = "reclaim.Footprint";
    static final String RECLAIM_RUN = "reclaim.RunInfo";

    /**
     * One pause.
     *
     * @param collector the collector or manager that paused ({@code G1New}, {@code ZGC Minor}, {@code manual})
     * @param name      the pause's own name ({@code GC Pause}, {@code Pause Mark Start}, {@code FREE})
     * @param start     when it began
     * @param nanos     how long it lasted
     */
    public record Pause(String collector, String name, Instant start, long nanos) {}

    /**
     * One heap-in-use sample.
     *
     * @param time    when it was taken
     * @param inUse   bytes in use
     * @param clock   the allocation clock for Reclaim's samples (bytes allocated), else 0
     */
    public record HeapSample(Instant time, long inUse, long clock) {}

    /**
     * What a recording holds, pauses in start order.
     *
     * @param pauses    every pause
     * @param afterGc   the JVM's heap summaries taken after a collection (empty for simulated runs)
     * @param footprint Reclaim's footprint samples (empty for JVM runs)
     * @param start     when the run began ({@code reclaim.RunInfo}'s start), else the recording's
     *                  first event's time; null for a recording with no events
     * @param end       when the run ended, else the last event's end; null for none
     */
    public record Recording(List<Pause> pauses, List<HeapSample> afterGc, List<HeapSample> footprint,
                            Instant start, Instant end) {

        /**
         * The part of this recording between {@code from} and {@code to}: the pauses that began and
         * ended inside it, the heap samples taken inside it, and {@code from}/{@code to} as its
         * start and end. A {@code jvm:*} run's measured iteration is such a window of a recording
         * that also holds its warm-up iterations ({@link #measured()}).
         */
        public Recording within(Instant from, Instant to) {
            return new Recording(
                    pauses.stream().filter(p -> !p.start().isBefore(from) && !p.start().plusNanos(p.nanos()).isAfter(to)).toList(),
                    afterGc.stream().filter(s -> inside(s.time(), from, to)).toList(),
                    footprint.stream().filter(s -> inside(s.time(), from, to)).toList(), from, to);
        }

        /**
         * The run's own window ({@link #within}{@code (start, end)}): for a recording with a
         * {@code reclaim.RunInfo} event, the measured run's span, so warm-up iterations and JVM
         * start-up before it and shut-down after it are left out.
         */
        public Recording measured() {
            return start == null ? this : within(start, end);
        }

        private static boolean inside(Instant t, Instant from, Instant to) {
            return !t.isBefore(from) && !t.isAfter(to);
        }

        /** Pause summaries per collector name, in order of first appearance, then one for all. */
        public List<PauseSummary> summaries() {
            Map<String, List<Long>> by = new java.util.LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            for (Pause p : pauses) {
                by.computeIfAbsent(p.collector(), k -> new ArrayList<>()).add(p.nanos());
                all.add(p.nanos());
            }
            List<PauseSummary> out = new ArrayList<>();
            by.forEach((name, d) -> out.add(PauseSummary.of(name, d)));
            out.add(PauseSummary.of(PauseSummary.ALL, all));
            return out;
        }
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException saying what is wrong with the file: missing, empty, not a
     *         JFR recording, truncated or unreadable
     */
    public static Recording read(Path file) {
        if (!Files.exists(file)) throw new IllegalArgumentException(file + ": no such file");
        if (Files.isDirectory(file)) throw new IllegalArgumentException(file + ": is a directory, not a JFR recording");
        try {
            if (Files.size(file) == 0) throw new IllegalArgumentException(file + ": the file is empty, not a JFR recording");
            if (!startsWithMagic(file))
                throw new IllegalArgumentException(file + ": not a JFR recording (it does not begin with JFR's magic bytes FLR\\0)");
            return readEvents(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException | RuntimeException | InternalError e) {
            // InternalError: the JDK's parser meets a damaged type name (a flipped byte in the metadata).
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(file.toString()))
                throw iae;
            throw new IllegalArgumentException(file + ": " + describe(e));
        }
    }

    /** JFR's file magic: every chunk begins with {@code FLR\0}. */
    private static final byte[] MAGIC = {'F', 'L', 'R', 0};

    private static boolean startsWithMagic(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof java.io.EOFException) return "a truncated JFR recording: it ends in the middle of a chunk";
        return "a truncated or corrupt JFR recording (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("\\p{Cntrl}", "?")) + ")";
    }

    private static Recording readEvents(Path file) throws IOException {
        Map<Long, String> collectors = new HashMap<>();
        List<RecordedEvent> gcPauses = new ArrayList<>();
        List<Pause> pauses = new ArrayList<>();
        List<HeapSample> afterGc = new ArrayList<>(), footprint = new ArrayList<>();
        String manager = null;
        Instant runStart = null, runEnd = null;
        Instant first = null, last = null;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (first == null || e.getStartTime().isBefore(first)) first = e.getStartTime();
                if (last == null || e.getEndTime().isAfter(last)) last = e.getEndTime();
                switch (e.getEventType().getName()) {
                    case GC_PHASE_PAUSE -> gcPauses.add(e);
                    case GARBAGE_COLLECTION -> collectors.put(e.getLong("gcId"), e.getString("name"));
                    case GC_HEAP_SUMMARY -> {
                        if ("After GC".equals(e.getString("when"))) afterGc.add(new HeapSample(e.getStartTime(), e.getLong("heapUsed"), 0));
                    }
                    case RECLAIM_PAUSE -> {
                        long d = e.getLong("pauseDuration");
                        pauses.add(new Pause(null, e.getString("kind"), e.getStartTime().minusNanos(d), d));
                    }
                    case RECLAIM_FOOTPRINT -> footprint.add(new HeapSample(e.getStartTime(), e.getLong("inUse"), e.getLong("allocated")));
                    case RECLAIM_RUN -> {
                        manager = e.getString("manager");
                        runStart = e.getStartTime();
                        runEnd = e.getEndTime();
                    }
                    default -> { }
                }
            }
        }
        String simulated = manager == null ? "reclaim" : manager;
        pauses.replaceAll(p -> new Pause(simulated, p.name(), p.start(), p.nanos()));
        for (RecordedEvent e : gcPauses) {
            String collector = collectors.getOrDefault(e.getLong("gcId"), "GC");
            pauses.add(new Pause(collector, e.getString("name"), e.getStartTime(), e.getDuration().toNanos()));
        }
        pauses.sort(Comparator.comparing(Pause::start));
        afterGc.sort(Comparator.comparing(HeapSample::time));
        footprint.sort(Comparator.comparingLong(HeapSample::clock));
        return new Recording(List.copyOf(pauses), List.copyOf(afterGc), List.copyOf(footprint),
                runStart != null ? runStart : first, runEnd != null ? runEnd : last);
    }
}
