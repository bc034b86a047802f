package org.reclaim.runtime.alloc;

/**
 * How fragmented an allocator's free memory is, measured by walking it.
 *
 * @param freeWords     words free in all
 * @param freeBlocks    number of free blocks
 * @param largestFree   the largest free block, in words
 */
public record Fragmentation(long freeWords, long freeBlocks, long largestFree) {
    /** External fragmentation: 1 - largest free block / free words (0 when free memory is one block). */
    public double external() { return freeWords == 0 ? 0 : 1.0 - (double) largestFree / freeWords; }
}
