package org.reclaim.lab.campaign;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.reclaim.analysis.results.ResultRow;

/**
 * How a campaign reports its progress: a progress bar on a terminal ({@link TerminalProgress}),
 * plain log lines elsewhere ({@link LogProgress}, for CI logs).
 */
public interface Progress extends AutoCloseable {

    /** The cells are about to run: {@code total} in this share, {@code done} of them already finished. */
    void start(int total, int done);

    /** One cell finished with {@code row}. */
    void cellDone(ResultRow row);

    /** A line of news that is not a cell (a minimum-heap search, a skipped cell). */
    void note(String line);

    @Override
    void close();

    /** A progress bar when this JVM has a terminal, else log lines; both on {@code err}. */
    static Progress forConsole(PrintStream err) {
        return System.console() != null ? new TerminalProgress() : new LogProgress(err);
    }

    /** {@code h:mm:ss}. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** One line about a finished cell: {@code binary-trees tiny manual 2x seed 1 rep 1: ok, 12.3 ms}. */
    static String describe(ResultRow row) {
        String what = row.status().equals(ResultRow.OK) || row.status().equals(ResultRow.OOM) && row.message().isEmpty()
                ? String.format(Locale.ROOT, "%.1f ms", row.wallNanos() / 1e6)
                : row.message();
        return row.key() + ": " + row.status() + (what.isEmpty() ? "" : ", " + what);
    }
}
