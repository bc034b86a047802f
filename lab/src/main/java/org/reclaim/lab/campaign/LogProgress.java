package org.reclaim.lab.campaign;

import java.io.PrintStream;
import java.time.Duration;
import org.reclaim.analysis.results.ResultRow;

/**
 * Progress as one plain line per finished cell, for logs that are not terminals:
 * {@code [3/12] elapsed 0:00:05, about 0:00:15 left: <cell>: ok, 12.3 ms}.
 *
 * @see TerminalProgress the same on a terminal
 */
final class LogProgress implements Progress {
    private final PrintStream out;
    private int total, done, doneHere;
    private long t0;

    LogProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void start(int total, int done) {
        this.total = total;
        this.done = done;
        this.t0 = System.nanoTime();
        out.println("campaign: " + total + " cells, " + done + " already done, " + (total - done) + " to run");
    }

    @Override
    public void cellDone(ResultRow row) {
        done++;
        doneHere++;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        Duration left = elapsed.multipliedBy(total - done).dividedBy(doneHere);
        out.println("[" + done + "/" + total + "] elapsed " + Progress.clock(elapsed) + ", about " + Progress.clock(left)
                + " left: " + Progress.describe(row));
    }

    @Override
    public void note(String line) {
        out.println("campaign: " + line);
    }

    @Override
    public void close() {
        out.flush();
    }
}
