package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private static HeadlessChromium chromium;

    @TempDir Path dir;

    @BeforeAll
    static void findOrInstallChromium() throws Exception {
        chromium = HeadlessChromium.findOrInstall();
    }

    @Test
    void reportOpensWithoutConsoleMessagesAndItsScreenshotShowsTheCharts() throws Exception {
        Assumptions.assumeTrue(chromium.available(), chromium::whyNot);
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
        Assumptions.assumeTrue(chromium.available(), chromium::whyNot);
        Path page = dir.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>broken</p><script>undefinedFunction();</script></body></html>");
        String log = open(page, dir.resolve("broken.png"));
        assertThat(consoleLines(log)).anySatisfy(l -> assertThat(l).contains("undefinedFunction"));
    }

    /** Opens {@code page} in headless Chromium, takes a 1280 x 2000 screenshot, and returns its log. */
    private String open(Path page, Path screenshot) throws Exception {
        return chromium.screenshot(page.toUri().toString(), screenshot, dir, 1280, 2000);
    }

    private static List<String> consoleLines(String log) {
        return HeadlessChromium.consoleLines(log);
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
}
