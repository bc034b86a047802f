package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless {@code chromium} for the tests that open what the lab writes (the report, the
 * slide deck): found on the PATH, or installed when missing and this JVM runs as root with
 * {@code apt-get}; where it cannot be, {@link #whyNot()} says why, for a skipped test's reason.
 * Shared with the lab's tests through this module's test jar.
 */
public final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final String executable;
    private final String whyNot;

    private HeadlessChromium(String executable, String whyNot) {
        this.executable = executable;
        this.whyNot = whyNot;
    }

    /** The browser on the PATH, else installs Debian's {@code chromium} where it can. */
    public static HeadlessChromium findOrInstall() throws IOException, InterruptedException {
        String found = onPath(NAMES);
        if (found != null) return new HeadlessChromium(found, null);
        if (!run(List.of("id", "-u"), 10).strip().equals("0") || onPath(List.of("apt-get")) == null)
            return new HeadlessChromium(null,
                    "chromium is not installed, and it cannot be installed here (needs root and apt-get): apt-get install chromium");
        String log = run(List.of("sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"), 900);
        found = onPath(NAMES);
        return found != null ? new HeadlessChromium(found, null) : new HeadlessChromium(null,
                "chromium is not installed and apt-get install chromium did not install it: " + log.substring(Math.max(0, log.length() - 500)));
    }

    /** Whether there is a browser to run. */
    public boolean available() { return executable != null; }

    /** Why there is none, when there is none. */
    public String whyNot() { return whyNot; }

    /**
     * Opens {@code url} in a fresh profile under {@code profiles}, writes a {@code width} x
     * {@code height} screenshot to {@code screenshot} (asserting it was written) and returns the
     * browser's log, console messages included.
     */
    public String screenshot(String url, Path screenshot, Path profiles, int width, int height, String... flags) throws Exception {
        Path profile = Files.createTempDirectory(profiles, "profile");
        List<String> cmd = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                "--window-size=" + width + "," + height));
        cmd.addAll(List.of(flags));
        cmd.add("--screenshot=" + screenshot);
        cmd.add(url);
        String log = run(cmd, 120);
        assertThat(screenshot).as("Chromium wrote no screenshot; its log:\n" + log).isNotEmptyFile();
        return log;
    }

    /** The log lines of console messages: {@code [..:INFO:CONSOLE(1)] "Uncaught ReferenceError..."}. */
    public static List<String> consoleLines(String log) {
        return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    private static String onPath(List<String> names) {
        for (String name : names)
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                if (Files.isExecutable(Path.of(d, name))) return Path.of(d, name).toString();
        return null;
    }

    /** Runs {@code cmd}, standard error into standard output, and returns it; kills it after {@code seconds}. */
    private static String run(List<String> cmd, long seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e);
            }
        });
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        reader.join(5_000);
        return out.toString();
    }
}
