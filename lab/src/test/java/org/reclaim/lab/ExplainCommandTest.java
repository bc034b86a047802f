package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.workloads.scenarios.RustcVerdict;
import picocli.CommandLine;

/** {@code lab explain}: the printed table, its Markdown and JSON forms, Rust files, rustc's verdict, and bad input. */
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
    void markdownEscapesPipesAndHasOneTableRowPerLinePlusTheExit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("either.rs");
        Files.writeString(file, """
                fn main() {
                    let a = Box::new(1);
                    println!("{}", *a > 0 || *a < 0);
                }
                """);
        Result r = explain(file.toString(), "--format", "md");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("*a > 0 \\|\\| *a < 0");
        long rows = r.out().lines().filter(l -> l.startsWith("| ")).count();
        assertThat(rows).isEqualTo(1 + 4 + 1);
    }

    @Test
    void aRustFileIsExplainedAsJsonWithEveryEventInTheOrderItHappened(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("late.rs");
        Files.writeString(file, """
                fn main() {
                    let a = Box::new(1);
                    let x;
                    let mut z = Box::new(3);
                    x = Box::new(2);
                    z = Box::new(4);
                    println!("{} {} {}", a, x, z);
                }
                """);
        Result r = explain(file.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{\"scenario\": \"late\", \"rows\": [")
                .contains("{\"row\": 6, \"source\": \"    z = Box::new(4);\", \"cells\": {")
                // Rust: the reassigned z's old value at the assignment; at the brace reverse declaration order (z, x, a)
                .contains("\"ownership\": [{\"event\": \"alloc\", \"object\": 4}, {\"event\": \"free\", \"object\": 2}]")
                .contains("\"ownership\": [{\"event\": \"free\", \"object\": 4}, {\"event\": \"free\", \"object\": 3}, {\"event\": \"free\", \"object\": 1}]");
    }

    @Test
    void checkWithRustcSaysRustcAgreesWithTheChecker() {
        assumeTrue(RustcVerdict.available(), "rustc is not on the PATH (Debian: apt-get install rustc): skipped");
        Result r = explain("use-after-free", "--check-with-rustc");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("rustc on use-after-free: rejects it: E0382 at 7:18\nthe lab's checker agrees\n");
    }

    @Test
    void checkWithRustcReportsWhereTheCheckerIsCoarserAndExitsOne(@TempDir Path dir) throws IOException {
        assumeTrue(RustcVerdict.available(), "rustc is not on the PATH (Debian: apt-get install rustc): skipped");
        Path file = dir.resolve("branches.rs");
        // r is used only in the else branch: rustc sees no live loan at x = 2, the lab's interval does
        Files.writeString(file, """
                fn main() {
                    let mut x = 1;
                    let r = &mut x;
                    let c = 0;
                    if c > 0 {
                        x = 2;
                    } else {
                        *r = 3;
                    }
                    println!("{}", x);
                }
                """);
        Result r = explain(file.toString(), "--check-with-rustc");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).endsWith("rustc on branches: compiles\ndifference: the lab's checker reports E0506 at 6:9, rustc does not\n");
    }

    @Test
    void aConstructOutsideTheSubsetIsOneMessageWithFileLineColumnAndExitTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("matching.rs");
        Files.writeString(file, """
                fn main() {
                    let v = Box::new(1);
                    match v { _ => {} }
                }
                """);
        Result r = explain(file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("lab explain: " + file + ":3:5: 'match' is outside the Rust subset the lab reads");
        assertThat(r.out()).isEmpty();
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
        assertThat(r.err()).contains("unknown format 'html'; valid formats: text, md, json");
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
