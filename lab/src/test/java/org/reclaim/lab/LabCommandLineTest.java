package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import picocli.CommandLine;

@ResourceLock("System.out")
class LabCommandLineTest {

    record Outcome(int exit, String out, String err) {}

    static Outcome lab(String... args) {
        CommandLine cl = Lab.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        cl.setOut(new PrintWriter(captured, true));
        try {
            int exit = cl.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void runPrintsOneJsonRunRecord() throws Exception {
        Outcome o = lab("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "manual", "--heap", "1m", "--json");
        assertThat(o.exit()).isZero();
        var record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(o.out());
        assertThat(record.get("status").asText()).isEqualTo("ok");
        assertThat(record.get("checksum").asLong()).isEqualTo(4398);
        assertThat(record.get("heapBytes").asLong()).isEqualTo(1 << 20);
        assertThat(record.get("objectsFreed").asLong()).isEqualTo(4398);
    }

    @Test
    void anUnknownManagerIsOneClearErrorWithExitCode2() {
        Outcome o = lab("run", "--workload", "binary-trees", "--manager", "epsilom");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("unknown manager 'epsilom'; did you mean epsilon");
    }

    @Test
    void aMalformedHeapSizeIsOneClearError() {
        Outcome o = lab("run", "--workload", "binary-trees", "--manager", "epsilon", "--heap", "12q");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("heap size '12q' is not a positive size");
    }

    @Test
    void anUnknownSizeListsTheValidOnes() {
        Outcome o = lab("run", "--workload", "binary-trees", "--manager", "epsilon", "--size", "huge");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("unknown size 'huge' for binary-trees; valid sizes: tiny, small, default, large");
    }

    @Test
    void outOfMemoryIsAResultWithItsOwnExitCode() {
        Outcome o = lab("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "epsilon", "--heap", "64k");
        assertThat(o.exit()).isEqualTo(3);
        assertThat(o.out()).contains(": oom", "in a heap of 65536 bytes");
    }

    @Test
    void listNamesEveryManagerAndWorkload() {
        Outcome o = lab("list");
        assertThat(o.exit()).isZero();
        for (String name : org.reclaim.runtime.catalog.Managers.names()) assertThat(o.out()).contains(name);
        for (String name : org.reclaim.workloads.catalog.Workloads.names()) assertThat(o.out()).contains(name);
    }

    /** picocli formats descriptions with String.format: a bare '%' makes it warn on stderr and print the raw text. */
    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        java.util.List<picocli.CommandLine> commands = new java.util.ArrayList<>(java.util.List.of(Lab.commandLine()));
        commands.addAll(Lab.commandLine().getSubcommands().values());
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (picocli.CommandLine c : commands) c.getUsageMessage();
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
    }

    @Test
    void everyCommandHasHelp() {
        for (String c : Lab.commandLine().getSubcommands().keySet()) {
            if (c.equals("help")) continue;
            assertThat(lab(c, "--help").exit()).as(c + " --help").isZero();
        }
    }
}
