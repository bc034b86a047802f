package org.reclaim.lab.campaign;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab campaign FILE.yaml [--out DIR] [--shard i/n]}: runs a benchmark campaign. */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark campaign: every cell (workload x size x manager x heap x seed x repetition)"
                + " in its own JVM, one row of DIR/results.csv per cell.",
                "Re-running the same command resumes: cells that have a row are skipped.",
                "The campaign file format: scripts/campaigns/campaign.schema.json.",
                "Exit status: 0 when every cell has a row (whatever its status), 2 bad input."})
public final class CampaignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "the campaign file")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<campaign name>)")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "run only the i-th of n deterministic shares of the cells (default: ${DEFAULT-VALUE})")
    String shard;

    @Option(names = "--check", description = "check the campaign file and say how many cells it has; run nothing")
    boolean check;

    @Override
    public Integer call() {
        Campaign c = CampaignFile.read(file);
        Shard s = Shard.parse(shard);
        if (check) {
            System.out.println("campaign " + c.name() + ": " + file + " is valid, " + c.cells().size() + " cells; results would go to "
                    + (out != null ? out : Path.of("results", c.name())).toAbsolutePath().normalize());
            return 0;
        }
        Path dir = out != null ? out : Path.of("results", c.name());
        CampaignRunner.Summary sum = new CampaignRunner(new CampaignRunner.Settings(dir, s, CellLauncher.Settings.current()),
                Progress.forConsole(System.err)).run(c);
        StringBuilder sb = new StringBuilder();
        sum.statuses().forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k));
        System.out.println("campaign " + c.name() + (s.count() > 1 ? " shard " + s : "") + ": " + sum.cells() + " cells, "
                + sum.skipped() + " already done" + sb + "; results in " + dir.resolve("results.csv"));
        if (s.count() == 1) org.reclaim.lab.ReportCommand.report(dir, org.reclaim.reports.ChartStyle.DEFAULT, System.out);
        return 0;
    }
}
