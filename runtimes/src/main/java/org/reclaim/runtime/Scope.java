package org.reclaim.runtime;

/**
 * A lexical scope of the program (a function body, a block): Java's try-with-resources is the
 * scope. Handles created while it is the innermost scope belong to it; its end is an event every
 * manager sees ({@link Mutator#scope()}). One object per depth, reused: opening a scope allocates
 * nothing on the host heap.
 */
public final class Scope implements AutoCloseable {
    private final MemoryManager manager;
    private final int depth;

    Scope(MemoryManager manager, int depth) {
        this.manager = manager;
        this.depth = depth;
    }

    /** The depth of this scope (1 for the outermost). */
    public int depth() { return depth; }

    /** Ends the scope, unless {@link Mutator#ret} has already ended it. */
    @Override
    public void close() { manager.closeScope(depth); }
}
