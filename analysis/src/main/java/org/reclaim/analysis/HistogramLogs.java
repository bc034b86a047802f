package org.reclaim.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * {@code .hlog} files, HdrHistogram's own log format, so its tools (HistogramLogProcessor, the
 * plotter) read what a run recorded. One run writes one interval histogram, untagged (so
 * {@code HistogramLogProcessor -i FILE}, which reads only untagged intervals unless given
 * {@code -tag}, reads it called the plain way), with the run's label in a comment and its real
 * start and end as the log's start time and the interval's timestamps.
 */
public final class HistogramLogs {
    private HistogramLogs() {}

    /**
     * Writes {@code histogram} as the one interval of a new log at {@code file}, with {@code label}
     * in its comment; the interval spans the histogram's start and end timestamps (epoch ms: set
     * them to the run's start and end), or the moment of writing when they are unset. The file
     * appears whole or not at all (written aside, then moved), with the user's umask.
     */
    public static void write(Path file, Histogram histogram, String label) throws IOException {
        Histogram copy = histogram.copy();
        copy.setTag(null);
        if (copy.getStartTimeStamp() == Long.MAX_VALUE || copy.getEndTimeStamp() == 0) {
            long now = System.currentTimeMillis();
            copy.setStartTimeStamp(now);
            copy.setEndTimeStamp(now);
        }
        long start = copy.getStartTimeStamp();
        Path tmp = AsideFile.create(file);
        try {
            try (PrintStream out = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputComment("Reclaim: " + label + ", values in nanoseconds");
                writer.outputStartTime(start);
                writer.setBaseTime(start);
                writer.outputBaseTime(start);
                writer.outputLegend();
                writer.outputIntervalHistogram(copy);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Every interval histogram of the log at {@code file}, in order, read with HdrHistogram's reader. */
    public static List<Histogram> read(Path file) throws IOException {
        List<Histogram> out = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) out.add((Histogram) h);
        return out;
    }
}
