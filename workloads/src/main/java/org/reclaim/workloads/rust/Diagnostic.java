package org.reclaim.workloads.rust;

/**
 * An error the borrow checker found, as rustc reports it: its code, its primary line and column,
 * the variable it names, and rustc's wording.
 *
 * @param code     rustc's error code, {@code E0382}
 * @param line     the primary span's line, from 1
 * @param column   the primary span's column, from 1
 * @param variable the variable named in the message ({@code v}, or {@code *v} for a use through a box)
 * @param message  rustc's message, {@code borrow of moved value: `v`}
 */
public record Diagnostic(String code, int line, int column, String variable, String message) {
    @Override public String toString() { return line + ":" + column + ": error[" + code + "]: " + message; }
}
