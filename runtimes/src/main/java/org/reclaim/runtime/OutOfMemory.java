package org.reclaim.runtime;

/**
 * The simulated heap is exhausted: no collection or coalescing found room. A run that meets it
 * ends with status {@code oom} and its heap size; it is a result, not a crash of the lab.
 */
public final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long requestedBytes;
    private final long heapBytes;

    public OutOfMemory(long requestedBytes, long heapBytes) {
        super("out of memory: could not allocate " + requestedBytes + " bytes in a heap of " + heapBytes + " bytes");
        this.requestedBytes = requestedBytes;
        this.heapBytes = heapBytes;
    }

    public long requestedBytes() { return requestedBytes; }
    public long heapBytes() { return heapBytes; }
}
