package org.reclaim.workloads.rust;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a Rust source file into tokens, dropping whitespace and comments. It also notes which
 * lines end in {@code // C only}: the C programmer's explicit frees, which Rust leaves out.
 */
final class HandLexer {
    private static final List<String> PUNCTUATION = List.of(
            "..=", "->", "=>", "::", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "..",
            "{", "}", "(", ")", "[", "]", "<", ">", ",", ";", ":", ".", "=", "+", "-", "*", "/", "%", "&", "!", "|", "#", "?", "'");
    static final String C_ONLY = "C only";

    private final String file, src;
    private final List<HandToken> tokens = new ArrayList<>();
    private final Set<Integer> cOnlyLines = new java.util.TreeSet<>();
    private int pos, line = 1, lineStart;

    HandLexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    List<HandToken> tokens() { return tokens; }

    /** The lines whose comment is {@code // C only}. */
    Set<Integer> cOnlyLines() { return cOnlyLines; }

    HandLexer run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) pos++;
            else if (src.startsWith("//", pos)) lineComment();
            else if (src.startsWith("/*", pos)) throw error(column(), "a block comment /* */ (use // comments)");
            else if (Character.isDigit(c)) number();
            else if (Character.isLetter(c) || c == '_') ident();
            else if (c == '"') string();
            else punct();
        }
        tokens.add(new HandToken(HandToken.Kind.EOF, "", line, column()));
        return this;
    }

    private int column() { return pos - lineStart + 1; }

    private void lineComment() {
        int end = src.indexOf('\n', pos);
        if (end < 0) end = src.length();
        if (src.substring(pos + 2, end).strip().equals(C_ONLY)) cOnlyLines.add(line);
        pos = end;
    }

    private void number() {
        int start = pos, col = column();
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (pos < src.length() && src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))
            throw error(col, "a floating-point literal (the subset has integers only)");
        String digits = src.substring(start, pos).replace("_", "");
        // an integer type suffix (1i64, 2usize) says nothing the lab needs
        while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) pos++;
        tokens.add(new HandToken(HandToken.Kind.INT, digits, line, col));
    }

    private void ident() {
        int start = pos, col = column();
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        tokens.add(new HandToken(HandToken.Kind.IDENT, src.substring(start, pos), line, col));
    }

    private void string() {
        int col = column();
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') throw error(col, "an unterminated string literal");
            char c = src.charAt(pos++);
            if (c == '"') break;
            if (c == '\\' && pos < src.length()) c = src.charAt(pos++);
            sb.append(c);
        }
        tokens.add(new HandToken(HandToken.Kind.STRING, sb.toString(), line, col));
    }

    private void punct() {
        for (String p : PUNCTUATION)
            if (src.startsWith(p, pos)) {
                tokens.add(new HandToken(HandToken.Kind.PUNCT, p, line, column()));
                pos += p.length();
                return;
            }
        throw error(column(), "the character '" + src.charAt(pos) + "'");
    }

    private RustSyntaxError error(int col, String what) {
        return new RustSyntaxError(file, line, col, what + " is outside the Rust subset the lab reads");
    }
}
