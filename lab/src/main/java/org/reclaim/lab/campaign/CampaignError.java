package org.reclaim.lab.campaign;

/**
 * What is wrong with a campaign file, and where: {@code file:line:column: message}. The lab
 * prints it and exits with status 2 before any cell runs.
 */
public final class CampaignError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    CampaignError(String file, YamlNode.Where where, String message) {
        super(file + ":" + where.line() + ":" + where.column() + ": " + message);
        this.line = where.line();
    }

    /** The 1-based line the error is on. */
    public int line() { return line; }
}
