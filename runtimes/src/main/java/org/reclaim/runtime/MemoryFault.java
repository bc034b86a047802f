package org.reclaim.runtime;

/**
 * A memory error a manager caught, or a misuse of the mutator contract. It ends the run with
 * status {@code error} (as an allocator's abort, a sanitizer's report or a compile error would end
 * the program), and the run record lists it with its kind, code and message.
 */
public final class MemoryFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** A block freed twice (manual). */
        DOUBLE_FREE,
        /** A freed object used again, reported by the sanitizer (manual+sanitize). */
        USE_AFTER_FREE,
        /** A violation of Rust's ownership rules, with its error code (ownership, checked mode). */
        OWNERSHIP,
        /** A dropped or moved reference used in a managed language (a NullPointerException). */
        NULL_DEREFERENCE,
        /** A call the contract does not allow: wrong index, stale handle, bad size. */
        BAD_INPUT
    }

    private final Kind kind;
    private final String code;
    private final long raisedAt = System.nanoTime();

    /**
     * @param kind    what went wrong
     * @param code    the error code where there is one (Rust's {@code E0382}), else null
     * @param message what happened, in the words of the tool that reports it
     */
    public MemoryFault(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() { return kind; }

    /** Rust's error code, or null. */
    public String code() { return code; }

    /** {@link System#nanoTime()} when it was raised: what happens after it (scopes unwinding) is not the program's. */
    public long raisedAt() { return raisedAt; }
}
