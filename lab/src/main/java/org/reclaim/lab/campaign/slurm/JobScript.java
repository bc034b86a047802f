package org.reclaim.lab.campaign.slurm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Slurm batch script of a campaign: a job array whose task {@code i} runs shard {@code i/n}
 * of the campaign ({@code lab campaign FILE --shard i/n}) into its own folder, on a whole node
 * ({@code --exclusive}) so no two cells ever share a core, with the same JDK discovery as
 * {@code scripts/lab} ({@code scripts/jdk.sh}) and the same forked cells as a local run. It is a
 * plain file a user can read and submit by hand with {@code sbatch}.
 *
 * @param jobName    the job's name: how a later run of the command finds the tasks still queued
 * @param tasks      array tasks, one per shard
 * @param options    partition, parallelism and time limit
 * @param campaign   the frozen copy of the campaign file the tasks read
 * @param slurmDir   the folder of the script, the shards and the task logs
 * @param projectRoot the lab's source tree (holding {@code scripts/jdk.sh}), or null when unknown
 * @param java       the {@code java} launcher the command itself runs with: the first candidate
 * @param classpath  the lab's jar (or classpath)
 */
public record JobScript(String jobName, int tasks, SlurmOptions options, Path campaign, Path slurmDir, Path projectRoot,
                        String java, String classpath) {

    /** The script's name inside the Slurm folder. */
    public static final String FILE_NAME = "campaign.sbatch";

    /** A Slurm time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS. */
    static final Pattern TIME = Pattern.compile("\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d+(:\\d{1,2}(:\\d{1,2})?)?");
    /** Characters a partition name may have without quoting. */
    static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");

    /** Shard {@code i}'s results folder. */
    public static Path shardDir(Path slurmDir, int i) {
        return slurmDir.resolve("shard-" + i);
    }

    /** The script's text. */
    public String text() {
        StringBuilder s = new StringBuilder();
        String array = "1-" + tasks + (options.maxParallel() > 0 ? "%" + options.maxParallel() : "");
        s.append("#!/usr/bin/env bash\n");
        s.append("# Reclaim campaign ").append(campaign.getFileName()).append(" on Slurm: a job array of ").append(tasks)
                .append(" tasks, task i runs shard i/").append(tasks).append(" of the cells.\n");
        s.append("# Written by lab campaign --slurm, which submits it, waits, merges the shards and writes the report.\n");
        s.append("# To submit it by hand:  sbatch ").append(slurmDir.resolve(FILE_NAME)).append('\n');
        s.append("# then merge:            lab campaign ").append(campaign).append(" --out ").append(slurmDir.getParent())
                .append(" --slurm   (submits only what is missing)\n");
        s.append("#SBATCH --job-name=").append(jobName).append('\n');
        s.append("#SBATCH --array=").append(array).append('\n');
        s.append("#SBATCH --nodes=1\n#SBATCH --ntasks=1\n");
        s.append("#SBATCH --exclusive            # the whole node: no other job's work beside a measured cell\n");
        if (options.partition() != null) s.append("#SBATCH --partition=").append(options.partition()).append('\n');
        if (options.timeLimit() != null) s.append("#SBATCH --time=").append(options.timeLimit()).append('\n');
        s.append("#SBATCH --output=").append(slurmDir.resolve("logs")).append("/task-%a.out\n");
        s.append("set -euo pipefail\n");
        s.append("shard=${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}\n");
        s.append("echo \"reclaim: shard $shard/").append(tasks).append(" on $(hostname), job ${SLURM_JOB_ID:-?}\"\n");
        s.append("export JAVA_HOME=").append(quote(javaHome())).append("   # the JDK lab campaign ran with, when this node has it\n");
        if (projectRoot != null) {
            s.append("source ").append(quote(projectRoot.resolve("scripts").resolve("jdk.sh").toString()))
                    .append("   # else the newest JDK >= 21 here, as scripts/lab finds it\n");
            s.append("find_jdk\n");
        }
        s.append("exec \"$JAVA_HOME/bin/java\" -Djava.awt.headless=true -XX:+UseSerialGC -Xss16m ${RECLAIM_JAVA_OPTS:-} \\\n");
        s.append("  -cp ").append(quote(classpath)).append(" org.reclaim.lab.Lab \\\n");
        s.append("  campaign ").append(quote(campaign.toString())).append(" --out ")
                .append(quote(slurmDir.toString())).append("/shard-\"$shard\" --shard \"$shard\"/").append(tasks).append('\n');
        return s.toString();
    }

    /** The {@code JAVA_HOME} of the launcher {@link #java}. */
    private String javaHome() {
        Path bin = Path.of(java).toAbsolutePath().getParent();
        return bin != null && bin.getParent() != null ? bin.getParent().toString() : java;
    }

    /** The lab's source tree: the folder above the code's location that holds {@code scripts/jdk.sh}, or null. */
    public static Path projectRoot(Path codeSource) {
        for (Path p = codeSource.toAbsolutePath(); p != null; p = p.getParent())
            if (Files.isRegularFile(p.resolve("scripts").resolve("jdk.sh"))) return p;
        return null;
    }

    /** {@code text} in single quotes for bash. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The options' problems, as one line each, for the command's bad-input message. */
    static List<String> problems(SlurmOptions o) {
        java.util.ArrayList<String> p = new java.util.ArrayList<>();
        if (o.partition() != null && !PARTITION.matcher(o.partition()).matches())
            p.add("--partition '" + o.partition() + "' is not a partition name (letters, digits, _ . , -)");
        if (o.timeLimit() != null && !TIME.matcher(o.timeLimit()).matches())
            p.add("--time-limit '" + o.timeLimit() + "' is not a Slurm time: minutes, MM:SS, HH:MM:SS or D-HH:MM:SS"
                    + " (for example 2:00:00)");
        if (o.maxParallel() < 0) p.add("--max-parallel must be 1 or more, not " + o.maxParallel());
        if (o.tasks() < 0 || o.tasks() > SlurmOptions.MAX_TASKS)
            p.add("--tasks must be between 1 and " + SlurmOptions.MAX_TASKS + ", not " + o.tasks());
        return p;
    }
}
