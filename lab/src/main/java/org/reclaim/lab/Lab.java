package org.reclaim.lab;

import org.reclaim.lab.campaign.CampaignCommand;
import org.reclaim.lab.campaign.MergeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The lab's command line: {@code scripts/lab <command>}. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "Reclaim 0.1",
        description = "Runs the same workloads under several memory managers and measures what each costs.",
        subcommands = {RunCommand.class, ListCommand.class, ExplainCommand.class, SlidesCommand.class, DemoCommand.class, CampaignCommand.class,
                MergeCommand.class, ReportCommand.class, JfrCommand.class, CommandLine.HelpCommand.class})
public final class Lab implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** The command line, with the lab's handling of bad input: one clear message, exit code 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Lab());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof BadInput) {
                line.getErr().println("lab " + line.getCommandName() + ": " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Input the command cannot go on with; the message says what and where. */
    public static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public BadInput(String message) { super(message); }
    }
}
