package org.reclaim.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reclaim.lab.campaign.Campaign;
import org.reclaim.lab.campaign.CampaignFile;
import org.reclaim.lab.campaign.CampaignRunner;
import org.reclaim.lab.campaign.CellLauncher;
import org.reclaim.lab.campaign.Progress;
import org.reclaim.lab.campaign.ResultsMerger;
import org.reclaim.lab.campaign.Shard;
import org.reclaim.lab.campaign.slurm.JobScript;
import org.reclaim.lab.campaign.slurm.SlurmCampaign;
import org.reclaim.lab.campaign.slurm.SlurmOptions;
import org.reclaim.lab.input.BadInput;
import org.reclaim.reports.ChartStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab campaign FILE.yaml [--out DIR] [--shard i/n] [--slurm ...]}: runs a benchmark
 * campaign here, or as a Slurm job array ({@link SlurmCampaign}).
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark campaign: every cell (workload x size x manager x heap x seed x repetition)"
                + " in its own JVM, one row of DIR/results.csv per cell.",
                "Re-running the same command resumes: cells that have a row are skipped.",
                "The campaign file format: scripts/campaigns/campaign.schema.json.",
                "With --slurm: submits one Slurm job array (task i runs shard i/n on a whole node), waits with the"
                + " progress over cells, merges the shards into DIR and writes the report; a re-run submits only"
                + " the shards with missing cells. The job script is DIR/slurm/campaign.sbatch.",
                "Exit status: 0 when every cell has a row (whatever its status), 1 when Slurm tasks ended with cells"
                + " missing (listed; run the same command again), 2 bad input."})
public final class CampaignCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "the campaign file")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: results/<campaign name>)")
    Path out;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "run only the i-th of n deterministic shares of the cells (default: ${DEFAULT-VALUE})")
    String shard;

    @Option(names = "--slurm", description = "run the cells as a Slurm job array instead of here")
    boolean slurm;

    @Option(names = "--slurm-dry-run", description = "write the Slurm job script into DIR/slurm/ and print it; submit nothing")
    boolean slurmDryRun;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's default)")
    String partition;

    @Option(names = "--max-parallel", paramLabel = "N", description = "at most N Slurm tasks at once (default: no limit)")
    int maxParallel;

    @Option(names = "--time-limit", paramLabel = "T",
            description = "each Slurm task's time limit, as sbatch --time takes it: minutes, HH:MM:SS, D-HH:MM:SS"
                    + " (default: the partition's)")
    String timeLimit;

    @Option(names = "--tasks", paramLabel = "N",
            description = "Slurm array tasks (shards) of a new results folder (default: one per cell, at most 1000)")
    int tasks;

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
        if (slurm || slurmDryRun) return slurm(c);
        Path dir = out != null ? out : Path.of("results", c.name());
        CampaignRunner.Summary sum = new CampaignRunner(new CampaignRunner.Settings(dir, s, CellLauncher.Settings.current()),
                Progress.forConsole(System.err)).run(c);
        StringBuilder sb = new StringBuilder();
        sum.statuses().forEach((k, v) -> sb.append(", ").append(v).append(' ').append(k));
        System.out.println("campaign " + c.name() + (s.count() > 1 ? " shard " + s : "") + ": " + sum.cells() + " cells, "
                + sum.skipped() + " already done" + sb + "; results in " + dir.resolve("results.csv"));
        if (s.count() == 1) ReportCommand.report(dir, ChartStyle.DEFAULT, System.out);
        return 0;
    }

    private int slurm(Campaign c) {
        if (!shard.equals("1/1")) throw new BadInput("--shard and --slurm do not go together: --slurm makes the shards itself");
        if (maxParallel < 0) throw new BadInput("--max-parallel must be 1 or more, not " + maxParallel);
        if (tasks < 0) throw new BadInput("--tasks must be 1 or more, not " + tasks);
        Path dir = out != null ? out : Path.of("results", c.name());
        CellLauncher.Settings cells = CellLauncher.Settings.current();
        Path root;
        try {
            root = JobScript.projectRoot(Path.of(Lab.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | SecurityException e) {
            root = null;
        }
        SlurmCampaign sc = new SlurmCampaign(c, dir, new SlurmOptions(partition, maxParallel, timeLimit, tasks), cells.java(),
                cells.classpath(), root, Long.getLong("reclaim.slurm.poll.ms", 1000));
        JobScript script = sc.prepare();
        Path file = dir.resolve(SlurmCampaign.FOLDER).resolve(JobScript.FILE_NAME);
        if (slurmDryRun) {
            System.out.print(script.text());
            System.out.println("# written to " + file + "; submit it by hand with: sbatch " + file);
            return 0;
        }
        SlurmCampaign.Summary sum = sc.run(script, Progress.forConsole(System.err),
                (into, shards) -> ResultsMerger.merge(into, shards));
        for (String t : sum.unfinished()) System.out.println("  " + t);
        System.out.println("campaign " + c.name() + " on Slurm: " + sum.cells() + " cells, "
                + (sum.cells() - sum.missing()) + " with a row, " + sum.missing() + " missing"
                + (sum.jobId() > 0 ? "; job " + sum.jobId() + " ran tasks " + sum.submitted() : "")
                + "; results in " + dir.resolve("results.csv"));
        if (Files.isRegularFile(dir.resolve("results.csv")))
            ReportCommand.report(dir, ChartStyle.DEFAULT, System.out);
        if (sum.missing() == 0) return 0;
        System.out.println(sum.missing() + " cells have no row: run the same command again to submit only them");
        return 1;
    }
}
