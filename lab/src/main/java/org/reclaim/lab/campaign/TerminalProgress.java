package org.reclaim.lab.campaign;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.reclaim.analysis.results.ResultRow;

/**
 * Progress as a bar on the terminal (cells done of all, elapsed, estimated remaining), with the
 * last finished cell beside it; notes print above it.
 *
 * @see LogProgress the same for logs
 */
final class TerminalProgress implements Progress {
    private ProgressBar bar;

    @Override
    public void start(int total, int done) {
        bar = new ProgressBarBuilder().setTaskName("campaign").setInitialMax(total).startsFrom(done, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" cells", 1).showSpeed().continuousUpdate().build();
    }

    @Override
    public void cellDone(ResultRow row) {
        bar.setExtraMessage(Progress.describe(row));
        bar.step();
    }

    @Override
    public void note(String line) {
        System.err.println("campaign: " + line);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
