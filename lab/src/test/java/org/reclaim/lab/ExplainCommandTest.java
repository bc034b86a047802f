package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code lab explain}: the printed table, its Markdown form, and bad input. */
class ExplainCommandTest {

    private record Result(int exit, String out, String err) {}

    private static Result explain(String... args) {
        CommandLine cl = Lab.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "explain";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Result(cl.execute(all), out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void printsARowPerSourceLineWithWhatEachManagerDidThere() {
        Result r = explain("orders");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsPattern("\\n +3  +let orders = vec!\\[1, 2, 3, 4\\]; +alloc #1 +alloc #1");
        assertThat(r.out()).containsPattern("\\n +9  +dealloc\\(orders\\); // C only +free #1 +free #1");
        assertThat(r.out()).contains("(exit)");
    }

    @Test
    void citesEachErrorAndGivesItsMessageBelowTheTable() {
        Result r = explain("print-years-twice");
        assertThat(r.out()).contains("error double free [").contains("free(): double free detected: `years`");
    }

    @Test
    void markdownEscapesPipesAndHasOneTableRowPerLinePlusTheExit() {
        Result r = explain("weak-back-pointer", "--format", "md");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("map_or(0, \\|p\\| p.value)");
        long rows = r.out().lines().filter(l -> l.startsWith("| ")).count();
        assertThat(rows).isEqualTo(1 + 14 + 1);
    }

    @Test
    void anUnknownScenarioIsOneMessageWithTheNearestNamesAndExitTwo() {
        Result r = explain("ordrs");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown scenario 'ordrs'; did you mean orders");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownFormatIsRefused() {
        Result r = explain("orders", "--format", "html");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown format 'html'; valid formats: text, md");
    }

    @Test
    void managersChoosesTheColumnsAndTheDragOfOrdersShowsUnderOwnership() {
        Result r = explain("orders", "--managers", "manual,mark-sweep,ownership");
        assertThat(r.exit()).as(r.err()).isZero();
        String header = r.out().lines().filter(l -> l.strip().startsWith("#")).findFirst().orElseThrow();
        assertThat(header.split("\\s{2,}")).containsExactly(" #", "source", "manual", "mark-sweep", "ownership");
        assertThat(r.out()).contains("drag #1").contains("last use #1");
    }

    @Test
    void familiesSayWhichColumnsWereMergedAndAnUnknownManagerIsBadInput() {
        Result r = explain("rc-cycle", "--families");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Columns: C = manual;").contains("tracing GC = mark-sweep, mark-compact, semispace, generational");
        Result bad = explain("orders", "--managers", "manul");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("manul").contains("manual").doesNotContain("Exception");
    }
}
