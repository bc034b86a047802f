package org.reclaim.lab.campaign.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.reclaim.lab.input.BadInput;

/**
 * The Slurm client commands a campaign uses: {@code sbatch} to submit the array and
 * {@code squeue --states=all} to follow its tasks (no accounting database is needed, so no
 * {@code sacct}). The cluster is the one the environment points at ({@code SLURM_CONF}).
 */
final class Slurm {
    private Slurm() {}

    /**
     * One array task as {@code squeue} shows it.
     *
     * @param jobId the task's own job id
     * @param arrayJobId the id of the array it belongs to
     * @param index the array index: the shard
     * @param state Slurm's state: PENDING, RUNNING, COMPLETED, CANCELLED, FAILED, TIMEOUT...
     * @param node  the node it runs or ran on, empty while pending
     */
    record Task(long jobId, long arrayJobId, int index, String state, String node) {
        /** Whether the task will not run any more. */
        boolean ended() {
            return ENDED.contains(state) || state.startsWith(GONE);
        }

        /**
         * This task once it is no longer listed: a pending array task that is cancelled leaves the
         * queue at once, with no CANCELLED record to show.
         */
        Task gone() {
            return new Task(jobId, arrayJobId, index, state.equals("PENDING") ? "CANCELLED while PENDING: it never started"
                    : GONE + " (it left the queue while " + state + ")", node);
        }
    }

    /** The state of a task whose end no one saw. */
    static final String GONE = "UNKNOWN";

    /** Slurm's states of a job that will not run any more (every other state may still run). */
    static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED",
            "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "SPECIAL_EXIT", "REVOKED");

    /**
     * Submits {@code script} as the array tasks {@code indices} (for example {@code 1-16%4} or
     * {@code 3,7%4}) and returns the array's job id.
     *
     * @throws BadInput when {@code sbatch} is missing or refuses, with its message
     */
    static long submit(Path script, String indices) {
        String out = run(List.of("sbatch", "--parsable", "--array=" + indices, script.toString()), "submit the job array");
        String id = out.strip().split(";")[0];
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new BadInput("sbatch answered '" + out.strip() + "' instead of a job id");
        }
    }

    /** The array tasks of jobs named {@code jobName}, ended ones included while Slurm still shows them. */
    static List<Task> tasks(String jobName) {
        String out = run(List.of("squeue", "--noheader", "--array", "--states=all", "--name=" + jobName,
                "--format=%A|%F|%K|%T|%N"), "follow the job array");
        List<Task> tasks = new ArrayList<>();
        for (String line : out.lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 5) continue;
            try {
                tasks.add(new Task(Long.parseLong(f[0].strip()), Long.parseLong(f[1].strip()), Integer.parseInt(f[2].strip()),
                        f[3].strip(), f[4].strip()));
            } catch (NumberFormatException e) {
                // not an array task (a job of the same name submitted otherwise): not ours
            }
        }
        return tasks;
    }

    /** Runs a Slurm client command and returns its standard output; a failure is bad input with its message. */
    private static String run(List<String> command, String what) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BadInput("cannot " + what + ": " + command.getFirst() + " is not on the PATH; --slurm needs"
                    + " the Slurm client (slurm-client) and a cluster, or try scripts/slurm-test-cluster up");
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BadInput("cannot " + what + ": " + command.getFirst() + " did not answer in 60 s");
            }
            if (p.exitValue() != 0)
                throw new BadInput("cannot " + what + ": " + String.join(" ", command) + " failed: " + String.join(" | ", out.strip().lines().toList())
                        + " (is a Slurm cluster reachable? SLURM_CONF names its slurm.conf; scripts/slurm-test-cluster up starts one)");
            return out;
        } catch (IOException e) {
            throw new BadInput("cannot " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput("interrupted while waiting for " + command.getFirst());
        }
    }
}
