package org.reclaim.runtime;

/**
 * A lexical scope of the program (a function body, a block): Java's try-with-resources is the
 * scope. Handles created while it is the innermost scope belong to it; its end is an event every
 * manager sees ({@link Mutator#scope()}). One object per depth, reused: opening a scope allocates
 * nothing on the host heap.
 */
public final class Scope implements AutoCloseable {
    /** What ends scopes: a simulated memory manager, or the real JVM's {@code JavaHeap}. */
    @FunctionalInterface
    public interface Owner {
        /** Ends scope {@code depth} if it is still open. */
        void closeScope(int depth);
    }

    private final Owner owner;
    private final int depth;

    /** The scope at {@code depth} of {@code owner}; an owner makes one per depth and reuses it. */
    public Scope(Owner owner, int depth) {
        this.owner = owner;
        this.depth = depth;
    }

    /** The depth of this scope (1 for the outermost). */
    public int depth() { return depth; }

    /** Ends the scope, unless {@link Mutator#ret} has already ended it. */
    @Override
    public void close() { owner.closeScope(depth); }
}
