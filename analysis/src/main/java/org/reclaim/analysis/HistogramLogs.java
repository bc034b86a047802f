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
 * plotter) read what a run recorded. One run writes one interval histogram, tagged.
 */
public final class HistogramLogs {
    private HistogramLogs() {}

    /**
     * Writes {@code histogram} as the one interval of a new log at {@code file}, tagged
     * {@code tag}; the file appears whole or not at all (written aside, then moved).
     */
    public static void write(Path file, Histogram histogram, String tag) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (PrintStream out = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter writer = new HistogramLogWriter(out);
                writer.outputLogFormatVersion();
                writer.outputComment("Reclaim: " + tag + ", values in nanoseconds");
                writer.outputLegend();
                Histogram copy = histogram.copy();
                copy.setTag(tag);
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
