package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgainstTheLiteratureTest {
    @TempDir Path dir;

    private static final double[] PAUSES = {0.1, 0.2, 0.5, 1.0}, MMU = {0.5, 0.8, 0.95};

    @Test
    void verdictsFollowTheIntervals() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            double[] manual = {10, 10.1, 9.9}, at2 = {17, 17.5, 18}, at6 = {10, 10.2, 10.4};
            for (int rep = 1; rep <= 3; rep++) {
                r.ok("binary-trees", "manual", 2, rep, manual[rep - 1], 1, PAUSES, MMU);
                r.ok("binary-trees", "manual", 6, rep, manual[rep - 1], 1, PAUSES, MMU);
                r.ok("binary-trees", "generational", 2, rep, at2[rep - 1], 8, PAUSES, MMU);
                r.ok("binary-trees", "generational", 6, rep, at6[rep - 1], 1, PAUSES, MMU);
            }
        }
        List<AgainstTheLiterature.Claim> claims = AgainstTheLiterature.claims(ResultsFolder.read(dir));
        assertThat(claims).extracting(AgainstTheLiterature.Claim::verdict).containsExactly(
                "agrees",        // the ratio falls from 1.75 at 2x to 1.02 at 6x, intervals apart
                "agrees",        // 1.7 lies in the 2x ratio's interval
                "agrees",        // at 6x the interval reaches down to 1
                "agrees");       // the shipped calibration: bump below malloc
        assertThat(claims.getFirst().lab()).startsWith("1.75× [").contains("] at 2× … 1.02× [");
    }

    @Test
    void oneRepetitionCannotSay() {
        try (HandMadeResults r = new HandMadeResults(dir)) {
            r.ok("binary-trees", "manual", 2, 1, 10, 1, PAUSES, MMU).ok("binary-trees", "manual", 6, 1, 10, 1, PAUSES, MMU);
            r.ok("binary-trees", "generational", 2, 1, 17, 1, PAUSES, MMU).ok("binary-trees", "generational", 6, 1, 10, 1, PAUSES, MMU);
        }
        assertThat(AgainstTheLiterature.claims(ResultsFolder.read(dir)).getFirst().verdict())
                .isEqualTo("cannot say: one repetition has no interval");
    }
}
