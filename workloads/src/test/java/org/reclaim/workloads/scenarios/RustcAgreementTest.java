package org.reclaim.workloads.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * rustc as the final arbiter: every shipped scenario and every "Why" case, compiled by the rustc
 * on the PATH (C-only lines removed), gets the lab checker's verdict: the same errors at the same
 * line and column, or none. Without rustc the test installs Debian's when it runs as root with
 * apt, and otherwise is skipped, saying why.
 */
class RustcAgreementTest {

    @BeforeAll
    static void rustc() {
        if (!RustcVerdict.available() && "root".equals(System.getProperty("user.name")) && new File("/usr/bin/apt-get").canExecute()) {
            try {
                new ProcessBuilder("sh", "-c", "apt-get update -qq && apt-get install -y -qq rustc").inheritIO().start().waitFor();
            } catch (Exception e) {
                // no rustc after all: the assumption below skips, saying so
            }
        }
        assumeTrue(RustcVerdict.available(), "rustc is not on the PATH (Debian: apt-get install rustc): skipped comparing with rustc");
    }

    static Stream<Scenario> programs() {
        List<Scenario> all = new ArrayList<>(Scenarios.all());
        String[] why = WhyCasesTest.WHY.toFile().list();
        Arrays.sort(why);
        for (String f : why) all.add(RustScenario.read(WhyCasesTest.WHY.resolve(f)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void rustcAndTheCheckerAgree(Scenario s) {
        RustcVerdict.Comparison c = RustcVerdict.compare(s);
        assertThat(c.agrees()).as(c.report()).isTrue();
    }
}
