package org.reclaim.lab.campaign.slurm;

/**
 * How a campaign runs on Slurm.
 *
 * @param partition   the partition, or null for the cluster's default
 * @param maxParallel at most this many tasks at once ({@code --array=...%N}); 0 for no limit
 * @param timeLimit   each task's Slurm time limit ({@code --time}), or null for the partition's default
 * @param tasks       array tasks (shards) for a new results folder; 0 for one per cell, at most {@link #MAX_TASKS}
 */
public record SlurmOptions(String partition, int maxParallel, String timeLimit, int tasks) {
    /** Slurm's default {@code MaxArraySize} is 1001: task ids 0..1000. */
    public static final int MAX_TASKS = 1000;
}
