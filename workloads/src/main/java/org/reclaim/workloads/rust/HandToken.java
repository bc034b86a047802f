package org.reclaim.workloads.rust;

/**
 * One token of a Rust source file.
 *
 * @param kind   what it is
 * @param text   its text (a string literal's without the quotes)
 * @param line   its line, from 1
 * @param column its column, from 1
 */
record HandToken(Kind kind, String text, int line, int column) {
    enum Kind { IDENT, INT, STRING, PUNCT, EOF }

    boolean is(String s) { return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s); }

    String describe() {
        return switch (kind) {
            case EOF -> "the end of the file";
            case STRING -> "a string literal";
            default -> "'" + text + "'";
        };
    }
}
