package org.reclaim.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reclaim.lab.campaign.ResultsMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab merge OUT DIR...}: combines results folders of one campaign (its shards) into one. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combines the results folders of one campaign's shards into OUT: one row per cell,"
                + " recordings, minimum heaps and environments included.",
                "Folders of different campaign files are refused. Exit status: 0 merged, 2 bad input."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT", description = "the merged results folder (created, or added to)")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DIR", description = "results folders to merge")
    List<Path> inputs;

    @Override
    public Integer call() {
        ResultsMerger.Summary s = ResultsMerger.merge(out, inputs);
        System.out.println("merged " + inputs.size() + " folders into " + out + ": " + s.rows() + " cells (" + s.added()
                + " added, " + s.duplicates() + " duplicate rows left out"
                + (s.invalid() > 0 ? ", " + s.invalid() + " rows left out because they do not read" : "") + ")");
        return 0;
    }
}
