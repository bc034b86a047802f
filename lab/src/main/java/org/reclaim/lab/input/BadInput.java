package org.reclaim.lab.input;

/**
 * Input a command cannot go on with; the message says what and where. The lab prints it as one
 * line and exits with status 2 ({@code Lab.BAD_INPUT}).
 */
public final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInput(String message) { super(message); }
}
