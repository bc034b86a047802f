package org.reclaim.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.reclaim.lab.input.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The lab's command line: {@code scripts/lab <command>}. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "Reclaim 0.1",
        description = "Runs the same workloads under several memory managers and measures what each costs.",
        subcommands = {RunCommand.class, ListCommand.class, ExplainCommand.class, DiagramCommand.class, SlidesCommand.class, DemoCommand.class, CampaignCommand.class,
                MergeCommand.class, ReportCommand.class, CompareCommand.class, JfrCommand.class, CommandLine.HelpCommand.class})
public final class Lab implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Exit status of bad input, and of a file the lab could not read or write. */
    public static final int BAD_INPUT = 2;
    /** Exit status of a fault in the lab itself (a bug): the one line says what to report. */
    public static final int INTERNAL_ERROR = 1;
    /** Set (to anything) to see the stack trace of an internal error as well. */
    static final String DEBUG_VARIABLE = "RECLAIM_DEBUG";

    @Override public void run() { spec.commandLine().usage(System.out); }

    /**
     * The command line, with the lab's handling of bad input: one line on standard error, never a
     * stack trace. Exit status 2 for bad input and for a file that cannot be read or written (the
     * message names it and the system's reason: no space, permission denied, not a directory),
     * 1 with the fault's place for a bug in the lab.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Lab());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            line.getErr().println(prefix(line) + ex.getMessage() + " (see " + line.getCommandSpec().qualifiedName()
                    + " --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, line.getErr(), prefix(line)));
        return cl;
    }

    /** Prints {@code t} as the one line described at {@link #commandLine()} and returns the exit status. */
    public static int report(Throwable t, PrintWriter err, String prefix) {
        String message = oneLine(t);
        if (message != null) {
            err.println(prefix + message);
            err.flush();
            return BAD_INPUT;
        }
        StackTraceElement at = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        err.println(prefix + "internal error: " + t + (at == null ? "" : " at " + at)
                + "; please report it with the command line (set " + DEBUG_VARIABLE + "=1 for the stack trace)");
        if (System.getenv(DEBUG_VARIABLE) != null) t.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    /** The message of an expected failure (bad input, a file system's refusal, memory), or null for a bug. */
    private static String oneLine(Throwable t) {
        if (t instanceof IllegalArgumentException || t instanceof BadInput) return t.getMessage();
        if (t instanceof UncheckedIOException u) return ioMessage(u.getMessage(), u.getCause());
        if (t instanceof IOException io) return ioMessage(null, io);
        if (t instanceof OutOfMemoryError)
            return "the lab's own JVM ran out of memory (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB); give it more with RECLAIM_JAVA_OPTS=-Xmx<size>, or ask for less";
        return null;
    }

    private static String ioMessage(String context, IOException io) {
        String reason = io instanceof FileSystemException fs
                ? (fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName().replace("Exception", ""))
                        + ": " + fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile())
                : io.getMessage();
        if (context == null || context.isBlank()) return reason;
        return context.contains(String.valueOf(reason)) ? context : context + " (" + reason + ")";
    }

    private static String prefix(CommandLine line) {
        return line.getCommandSpec().qualifiedName() + ": ";
    }

    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (OutOfMemoryError | RuntimeException e) {
            status = report(e, new PrintWriter(System.err, true), "lab: ");
        }
        System.exit(status);
    }
}
