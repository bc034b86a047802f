package org.reclaim.workloads.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * rustc as the final arbiter: compiles a scenario's program (its C-only lines blanked, so line
 * numbers stay) with the {@code rustc} on the PATH and compares rustc's errors, by code, line and
 * column, with what the lab's checker found.
 */
public final class RustcVerdict {
    private RustcVerdict() {}

    /**
     * What rustc and the checker said.
     *
     * @param rustc   rustc's errors as {@code E0382 at 9:22} (line:column), in rustc's order
     * @param checker the checker's, in the same form
     */
    public record Comparison(String scenario, List<String> rustc, List<String> checker) {
        public boolean agrees() { return new TreeSet<>(rustc).equals(new TreeSet<>(checker)); }

        /** One paragraph: the verdicts, and each difference. */
        public String report() {
            StringBuilder sb = new StringBuilder("rustc on " + scenario + ": "
                    + (rustc.isEmpty() ? "compiles" : "rejects it: " + String.join(", ", rustc)) + "\n");
            if (agrees()) return sb.append("the lab's checker agrees\n").toString();
            for (String r : rustc) if (!checker.contains(r)) sb.append("difference: rustc reports ").append(r).append(", the lab's checker does not\n");
            for (String c : checker) if (!rustc.contains(c)) sb.append("difference: the lab's checker reports ").append(c).append(", rustc does not\n");
            return sb.toString();
        }
    }

    /** True if a {@code rustc} runs from the PATH. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("rustc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Compiles {@code s} with rustc and compares.
     *
     * @throws IllegalArgumentException if there is no rustc on the PATH (saying how to install one)
     */
    public static Comparison compare(Scenario s) {
        if (!available())
            throw new IllegalArgumentException("--check-with-rustc: no rustc on the PATH (Debian: apt-get install rustc; or rustup)");
        StringBuilder src = new StringBuilder();
        for (Listing.Line l : s.lines()) src.append(l.cOnly() ? "" : l.text()).append('\n');
        Path dir = null;
        try {
            dir = Files.createTempDirectory("reclaim-rustc");
            Path file = dir.resolve("main.rs");
            Files.writeString(file, src);
            Process p = new ProcessBuilder("rustc", "--edition", "2021", "--error-format=short", "-A", "warnings",
                    "-o", dir.resolve("main").toString(), file.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            List<String> rustc = new ArrayList<>();
            for (String line : out.split("\n")) {
                // short format: main.rs:LINE:COL: error[E0382]: message
                int e = line.indexOf(": error");
                if (!line.startsWith(file.toString() + ":") && !line.startsWith("main.rs:") || e < 0) continue;
                String[] where = line.substring(0, e).split(":");
                String rest = line.substring(e + ": error".length());
                String code = rest.startsWith("[") ? rest.substring(1, rest.indexOf(']')) : "error";
                rustc.add(code + " at " + where[where.length - 2] + ":" + where[where.length - 1]);
            }
            List<String> checker = s.compileErrors().stream().map(d -> d.code() + " at " + d.line() + ":" + d.column()).toList();
            return new Comparison(s.name(), rustc, checker);
        } catch (IOException e) {
            throw new IllegalArgumentException("--check-with-rustc: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
