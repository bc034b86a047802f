package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.reclaim.analysis.results.CellKey;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.runtime.RunRecord;

/**
 * Generated bad input to every command, run in this JVM: mutated campaign files, results.csv
 * files, timelines and JFR recordings, and command lines built from valid and hostile words. Every
 * case must end with exit status 0, 2, 3 or 4, never with a stack trace, and a refusal (2) must
 * be one line.
 */
class BadInputPropertyTest {
    static Path dir;
    static Path jfr;
    static String resultsCsv;
    static ResultRow row;

    /** Values a hostile or careless user writes, in any field. */
    static final List<String> HOSTILE = List.of("", " ", "0", "-1", "1b", "1000g", "9999999999999999999999", "1e309", "NaN",
            "-0", "0.0000001", "0x", "1000000x", "2x", "64k", "4k", "12g", "../escape", "../../tmp/x", "/", "a/b", "x".repeat(300),
            "sideways", "\u0000", "\uFFFD\uFFFD", "[", "]", "{", "}", ":", "- ", "\"", "'", "#", "&anchor", "*alias", "!!binary",
            "9999999999999h", "1000000000", "ms", "true", "null", "~", "é", "\t", "manual", "jvm:nope", "binary-trees");
    static final List<String> CAMPAIGNS = List.of("""
            name: fuzz
            workloads:
              - name: doubly-linked-list
                sizes: [tiny, small]
                params: {back: [weak, strong]}
            managers: [manual, mark-sweep, jvm:serial]
            heaps: [64k, 2x]
            seeds: [1, 2]
            repetitions: 2
            warmup: 1
            time-limit: 60s
            min-heap-manager: mark-compact
            record: [hlog, timeline, oracle]
            """, """
            workloads: [binary-trees, queue-churn]
            managers: [epsilon, refcount]
            """);

    @BeforeContainer
    static void seedFiles() throws Exception {
        dir = Files.createTempDirectory("reclaim-bad-input");
        jfr = dir.resolve("seed.jfr");
        Outcome o = lab("run", "--workload", "binary-trees", "--size", "tiny", "--manager", "mark-sweep", "--heap", "64k",
                "--jfr", jfr.toString(), "--timeline", dir.resolve("seed-timeline.csv").toString());
        assertThat(o.exit()).as(o.err()).isZero();
        RunRecord r = new RunRecord("binary-trees", "tiny", "manual", 65536, 1, "ok", "", 4398, 15_000_000, 10, 5000, 700,
                4398, 140736, 4398, 140736, 0, 0, List.of(), List.of(), Map.of("objects.freed", 4398L),
                Map.of("pause.p50.ns", 1500.0, "mmu.10ms", 0.5));
        row = ResultRow.of(new CellKey("binary-trees", "tiny", Map.of(), "manual", "64k", 1, 1), 0, r, 2_000_000);
        StringBuilder csv = new StringBuilder(ResultsCsv.headerLine());
        for (String m : List.of("manual", "mark-sweep", "epsilon"))
            csv.append(ResultsCsv.line(ResultRow.of(new CellKey("binary-trees", "tiny", Map.of(), m, "64k", 1, 1), 0, r, 2_000_000)));
        resultsCsv = csv.toString();
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Property(tries = 700)
    void aMutatedCampaignFileIsCheckedOrRefusedInOneLine(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] file = mutate(CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size())).getBytes(StandardCharsets.UTF_8), random, true);
        Path f = Files.write(dir.resolve("c" + Long.toUnsignedString(seed, 36) + ".yaml"), file);
        check(lab("campaign", f.toString(), "--check", "--out", dir.resolve("out").toString()));
        Files.delete(f);
    }

    @Property(tries = 450)
    void aMutatedResultsFileIsMergedWithItsBadRowsLeftOutOrRefusedInOneLine(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path in = Files.createDirectories(dir.resolve("in-" + Long.toUnsignedString(seed, 36)));
        Files.write(in.resolve("results.csv"), mutate(resultsCsv.getBytes(StandardCharsets.UTF_8), random, false));
        Files.writeString(in.resolve("env.json"), "{\"campaign\": {\"name\": \"fuzz\", \"file\": \"f.yaml\", \"sha256\": \"ab\"}}");
        Path out = dir.resolve("merged-" + Long.toUnsignedString(seed, 36));
        check(lab("merge", out.toString(), in.toString()));
        if (random.nextInt(100) == 0) check(lab("report", in.toString()));
    }

    @Property(tries = 8)
    void aMutatedTimelineIsDrawnOrLeftOut(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path folder = Files.createDirectories(dir.resolve("t-" + Long.toUnsignedString(seed, 36)));
        Files.writeString(folder.resolve("results.csv"), ResultsCsv.headerLine() + ResultsCsv.line(row));
        Path timeline = Files.createDirectories(folder.resolve("timeline")).resolve(row.key().id() + ".csv");
        Files.write(timeline, mutate(Files.readAllBytes(dir.resolve("seed-timeline.csv")), random, false));
        check(lab("report", folder.toString()));
    }

    @Property(tries = 250)
    void aMutatedJfrRecordingIsSummarisedOrRefusedInOneLine(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = Files.readAllBytes(jfr);
        byte[] bad = switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> { byte[] b = bytes.clone(); for (int i = 0; i < 1 + random.nextInt(8); i++) b[random.nextInt(b.length)] = (byte) random.nextInt(); yield b; }
            case 2 -> { byte[] b = new byte[random.nextInt(64)]; random.nextBytes(b); yield b; }
            default -> { byte[] b = bytes.clone(); int at = 4 + random.nextInt(60); b[at] = (byte) random.nextInt(); yield b; }
        };
        Path f = Files.write(dir.resolve("r" + Long.toUnsignedString(seed, 36) + ".jfr"), bad);
        check(lab("jfr", f.toString()));
        Files.delete(f);
    }

    /** Words of the lab's command lines, valid and not. */
    static final List<String> WORDS = List.of("--workload", "--manager", "--size", "--heap", "--seed", "--json", "--oracle",
            "--oracle=0", "--oracle=64k", "--sample-every", "--no-probe", "--hlog", "--timeline", "--jfr", "--back", "--rate",
            "--format", "--collect-every-line", "--style", "--shard", "--out", "--ns", "--bogus", "-x", "--",
            "binary-trees", "queue-churn", "orders", "double-free", "use-after-free", "print-years-twice", "doubly-linked-list",
            "manual", "manual+sanitize", "epsilon", "mark-sweep", "semispace", "refcount", "ownership", "ownership-trusted",
            "jvm:nope", "tiny", "huge", "64k", "1m", "12g", "1000g", "0", "-5", "1b", "weak", "sideways", "md", "lecture",
            "2/1", "0/0", "1/2", "/proc/reclaim.hlog", "/proc/x/y.csv");

    @Property(tries = 800)
    void aGeneratedCommandLineEndsInAKnownStatusWithoutAStackTrace(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> args = new ArrayList<>();
        String command = List.of("run", "run", "run", "run", "explain", "list", "jfr", "merge", "report", "campaign", "demo", "help",
                "nope").get(random.nextInt(13));
        args.add(command);
        if (command.equals("run") && random.nextInt(3) > 0)
            args.addAll(List.of("--workload", pick(random, "binary-trees", "orders", "double-free", "doubly-linked-list"),
                    "--size", "tiny", "--manager", pick(random, "manual", "epsilon", "mark-sweep", "refcount", "ownership")));
        for (int i = random.nextInt(6); i > 0; i--) {
            int k = random.nextInt(10);
            if (k < 6) args.add(WORDS.get(random.nextInt(WORDS.size())));
            else if (k < 8) args.add(HOSTILE.get(random.nextInt(HOSTILE.size())));
            else args.add(dir.resolve(pick(random, "a.hlog", "t.csv", "r.jfr", "", "in", "nope/deeper/x.csv")).toString());
        }
        if (command.equals("campaign")) args.add("--check");          // checked only: cells would fork JVMs
        if (command.equals("demo")) args.subList(1, args.size()).clear();  // the demo is a real campaign: only its refusals
        if (command.equals("demo")) args.add(pick(random, "--help", "--bogus", "--campaign", "--out"));
        if (args.size() > 1 && (args.contains("large") || args.contains("default") || args.contains("small"))) return;
        keepFilesInTheTemporaryFolder(args, seed);
        check(lab(args.toArray(String[]::new)));
    }

    /** Options and positions whose word is a file the command may write: always under the temporary folder. */
    private static void keepFilesInTheTemporaryFolder(List<String> args, long seed) {
        if (args.getFirst().equals("merge")) args.add(1, dir.resolve("merge-" + Long.toUnsignedString(seed, 36)).toString());
        for (int i = 1; i < args.size(); i++)
            if (List.of("--hlog", "--timeline", "--jfr", "--out").contains(args.get(i - 1))
                    && !args.get(i).startsWith(dir.toString()) && !args.get(i).startsWith("/proc/"))
                args.set(i, dir.resolve("w" + i + "-" + Long.toUnsignedString(seed, 36)).resolve(args.get(i).replaceAll("[^A-Za-z0-9.-]", "_"))
                        .toString());
    }

    private static String pick(Random random, String... words) {
        return words[random.nextInt(words.length)];
    }

    /** A few random edits of {@code text}: words replaced by hostile values, lines dropped or doubled, bytes changed, a cut. */
    static byte[] mutate(byte[] text, Random random, boolean yaml) {
        List<String> lines = new ArrayList<>(List.of(new String(text, StandardCharsets.UTF_8).split("\n", -1)));
        for (int edits = 1 + random.nextInt(3); edits > 0 && !lines.isEmpty(); edits--) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    String[] parts = line.split(yaml ? "(?<=[:\\[, ])" : "(?<=,)", -1);
                    int w = random.nextInt(parts.length);
                    parts[w] = HOSTILE.get(random.nextInt(HOSTILE.size())) + (yaml || w == parts.length - 1 ? "" : ",");
                    lines.set(at, String.join("", parts));
                }
                case 2 -> lines.remove(at);
                case 3 -> lines.add(at, line);
                case 4 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                default -> {
                    char[] c = line.toCharArray();
                    if (c.length > 0) c[random.nextInt(c.length)] = (char) random.nextInt(0x80);
                    lines.set(at, new String(c));
                }
            }
        }
        byte[] out = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) out = Arrays.copyOf(out, random.nextInt(out.length + 1));
        if (random.nextInt(15) == 0 && out.length > 0) out[random.nextInt(out.length)] = (byte) (0x80 + random.nextInt(0x80));
        return out;
    }

    record Outcome(int exit, String out, String err) {}

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(|Exception in thread|^Caused by:");

    static void check(Outcome o) {
        assertThat(o.exit()).as("exit status; stderr: " + o.err()).isIn(0, 2, 3, 4);
        assertThat(STACK_FRAME.matcher(o.err()).find()).as("a stack trace on stderr:\n" + o.err()).isFalse();
        if (o.exit() == 2) assertThat(o.err().strip().lines().count()).as("one line:\n" + o.err()).isEqualTo(1);
    }

    /** The lab's command line in this JVM, standard output and error (the stream and picocli's writer) captured. */
    static synchronized Outcome lab(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream(), errBytes = new ByteArrayOutputStream();
        StringWriter errWriter = new StringWriter();
        int exit;
        try (PrintStream o = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            var cl = Lab.commandLine();
            cl.setOut(new PrintWriter(o, true));
            cl.setErr(new PrintWriter(errWriter, true));
            try {
                exit = cl.execute(args);
            } catch (OutOfMemoryError | RuntimeException t) {
                exit = Lab.report(t, new PrintWriter(errWriter, true), "lab: ");
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Outcome(exit, outBytes.toString(StandardCharsets.UTF_8), errWriter + errBytes.toString(StandardCharsets.UTF_8));
    }
}
