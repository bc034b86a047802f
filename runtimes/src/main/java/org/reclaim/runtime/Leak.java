package org.reclaim.runtime;

/**
 * One object still allocated when the run ended, with nothing left to free it.
 *
 * @param id    the object's identity (allocation number)
 * @param shape its shape's name
 * @param bytes its size
 * @param site  where it was allocated, or null if the workload named no site
 */
public record Leak(int id, String shape, long bytes, String site) {}
