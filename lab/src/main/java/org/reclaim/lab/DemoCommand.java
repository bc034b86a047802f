package org.reclaim.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reclaim.lab.input.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab demo}: the README's first command. Runs the demo campaign
 * ({@code scripts/campaigns/demo.yaml}) into {@code reports/demo/}, whose end writes the report,
 * and says where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the demo campaign (scripts/campaigns/demo.yaml: binary-trees under each memory manager)"
                + " into reports/demo/ and writes its charts and report there.",
                "Re-running resumes: cells already in reports/demo/results.csv are not run again."})
public final class DemoCommand implements Callable<Integer> {
    /** The demo campaign, relative to the project's root. */
    static final Path CAMPAIGN = Path.of("scripts", "campaigns", "demo.yaml");
    /** Where its results and report go, relative to the project's root. */
    static final Path OUT = Path.of("reports", "demo");

    @Option(names = "--campaign", paramLabel = "FILE.yaml",
            description = "another campaign file (default: scripts/campaigns/demo.yaml of the project)")
    Path campaign;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: reports/demo of the project)")
    Path out;

    @Override
    public Integer call() {
        Path root = projectRoot();
        Path file = campaign != null ? campaign : root.resolve(CAMPAIGN);
        Path dir = out != null ? out : root.resolve(OUT);
        System.err.println("demo: running " + file + " into " + dir + " (a progress line per cell)");
        int status = Lab.commandLine().execute("campaign", file.toString(), "--out", dir.toString());
        if (status == 0) System.out.println("demo: open " + dir.resolve("report.html").toAbsolutePath().normalize());
        return status;
    }

    /**
     * The folder holding {@code scripts/campaigns/demo.yaml}: the working directory or one above
     * it, else the project the lab's jar was built in ({@code lab/target/reclaim-lab.jar}).
     *
     * @throws BadInput if there is none
     */
    static Path projectRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent())
            if (Files.isRegularFile(d.resolve(CAMPAIGN))) return d;
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = jar.getParent(); d != null; d = d.getParent())
                if (Files.isRegularFile(d.resolve(CAMPAIGN))) return d;
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw new BadInput("cannot find " + CAMPAIGN + " in this folder or above it, nor beside the lab's jar;"
                + " run lab demo from the Reclaim folder, or give --campaign FILE.yaml");
    }
}
