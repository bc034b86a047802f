package org.reclaim.workloads.rust;

/**
 * A Rust file the lab cannot read: a syntax error, or a construct outside the subset
 * ({@code docs/rust-subset.md}). The message names the construct and where it is, as
 * {@code FILE:LINE:COL: message}.
 */
public final class RustSyntaxError extends IllegalArgumentException {
    private final int line, column;

    public RustSyntaxError(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** The line, from 1. */
    public int line() { return line; }

    /** The column, from 1. */
    public int column() { return column; }
}
