package org.reclaim.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reclaim.reports.Difference;
import org.reclaim.reports.Readings;
import org.reclaim.reports.ResultsFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab compare A B}: whether the readings of two results folders contradict each other. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares what the reports of two results folders state (two runs of the same campaign, e.g. lab demo twice):"
                + " every difference between two managers a reading states where their 95%% intervals do not overlap,"
                + " and every literature verdict that agrees or disagrees.",
                "They agree when neither states a difference the other states the other way round, and no claim agrees in one"
                + " and disagrees in the other; \"not distinguishable\" or \"cannot say\" in one contradicts nothing.",
                "Exit status: 0 they agree, 1 they contradict each other, 2 bad input."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "a results folder")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "another results folder of the same campaign")
    Path second;

    @Override
    public Integer call() {
        Readings a = Readings.of(ResultsFolder.read(first)), b = Readings.of(ResultsFolder.read(second));
        print(first, a);
        print(second, b);
        List<String> contradictions = a.contradictions(b);
        if (contradictions.isEmpty()) {
            System.out.println("compare: they agree (" + common(a, b) + " differences stated by both, none stated the other way round;"
                    + " literature verdicts: no claim agrees in one and disagrees in the other)");
            return 0;
        }
        System.out.println("compare: " + contradictions.size() + " contradictions:");
        contradictions.forEach(c -> System.out.println("  " + c));
        return 1;
    }

    private static void print(Path dir, Readings r) {
        System.out.println(dir + ": " + r.differences().size() + " differences stated, " + r.verdicts().size() + " definite literature verdicts");
        for (Difference d : r.differences()) System.out.println("  " + d);
        r.verdicts().forEach((claim, verdict) -> System.out.println("  " + verdict + ": " + claim));
    }

    private static long common(Readings a, Readings b) {
        return a.differences().stream().filter(b.differences()::contains).count();
    }
}
