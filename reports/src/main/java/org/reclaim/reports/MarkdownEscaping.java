package org.reclaim.reports;

import io.pebbletemplates.pebble.extension.escaper.EscapingStrategy;

/**
 * Pebble's escaping for the Markdown report: every value printed into it is made inert text.
 * HTML's special characters become entities (Markdown passes raw HTML through), Markdown's
 * emphasis, code, link, heading and table punctuation gets a backslash, and a line break becomes a space so a value cannot end a table row.
 */
final class MarkdownEscaping implements EscapingStrategy {
    /** The name the templates' engine knows it by. */
    static final String NAME = "markdown";

    @Override
    public String escape(String input) {
        StringBuilder sb = new StringBuilder(input.length() + 16);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\n', '\r' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
