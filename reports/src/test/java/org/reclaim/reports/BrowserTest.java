package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the HTML report opens in headless Chromium without console messages, and its
 * screenshot shows the charts. Chromium is Debian's {@code chromium} package, installed here when
 * missing and this JVM runs as root with {@code apt-get}; where it cannot be, the tests are
 * reported as skipped with the reason.
 */
class BrowserTest {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static String chromium;
    private static String whyNot;

    @TempDir Path dir;

    @BeforeAll
    static void findOrInstallChromium() throws Exception {
        chromium = onPath();
        if (chromium != null) return;
        if (!run(List.of("id", "-u"), 10).strip().equals("0") || onPath("apt-get") == null) {
            whyNot = "chromium is not installed, and it cannot be installed here (needs root and apt-get): apt-get install chromium";
            return;
        }
        String log = run(List.of("sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"), 900);
        chromium = onPath();
        if (chromium == null)
            whyNot = "chromium is not installed and apt-get install chromium did not install it: "
                    + log.substring(Math.max(0, log.length() - 500));
    }

    @Test
    void reportOpensWithoutConsoleMessagesAndItsScreenshotShowsTheCharts() throws Exception {
        Assumptions.assumeTrue(chromium != null, () -> whyNot);
        Path results = dir.resolve("results");
        try (HandMadeResults r = new HandMadeResults(results)) {
            for (int rep = 1; rep <= 2; rep++) {
                r.ok("binary-trees", "manual", 1, rep, 10 + rep, 1, ReportTest.LOW_PAUSES, ReportTest.MMU);
                r.ok("binary-trees", "mark-sweep", 1, rep, 30 + rep, 20, ReportTest.HIGH_PAUSES, ReportTest.MMU);
                r.ok("binary-trees", "mark-sweep", 2, rep, 12 + rep, 3, ReportTest.HIGH_PAUSES, ReportTest.MMU);
            }
        }
        Report.Written w = Report.write(results, ChartStyle.DEFAULT);
        Path shot = dir.resolve("shot.png");
        String log = open(w.html(), shot);
        assertThat(consoleLines(log)).as("console messages of the report").isEmpty();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).as("screenshot " + shot).isNotNull();
        assertThat(colouredPixels(image)).as("pixels in the charts' colours").isGreaterThan(5_000);
    }

    @Test
    void theConsoleCheckSeesAScriptError() throws Exception {
        Assumptions.assumeTrue(chromium != null, () -> whyNot);
        Path page = dir.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>broken</p><script>undefinedFunction();</script></body></html>");
        String log = open(page, dir.resolve("broken.png"));
        assertThat(consoleLines(log)).anySatisfy(l -> assertThat(l).contains("undefinedFunction"));
    }

    /** Opens {@code page} in headless Chromium, takes a 1280 x 2000 screenshot, and returns its log. */
    private String open(Path page, Path screenshot) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                "--window-size=1280,2000", "--screenshot=" + screenshot, page.toUri().toString());
        String log = run(cmd, 120);
        assertThat(screenshot).as("Chromium wrote no screenshot; its log:\n" + log).isNotEmptyFile();
        return log;
    }

    /** The log lines of console messages: {@code [..:INFO:CONSOLE(1)] "Uncaught ReferenceError..."}. */
    private static List<String> consoleLines(String log) {
        return log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    /** Pixels clearly coloured (not white, grey or black): only the charts' lines and bars are. */
    private static int colouredPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y), r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) n++;
            }
        return n;
    }

    private static String onPath(String... names) {
        for (String name : names.length == 0 ? NAMES.toArray(String[]::new) : names)
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
