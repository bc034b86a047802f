package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.reports.HeadlessChromium;

/**
 * {@code lab slides}: one self-contained reveal.js deck with a slide per scenario at least, its
 * Marp twin, and every slide rendering in headless Chromium without console messages. Chromium is
 * Debian's {@code chromium}, found or installed as the report's browser test does; where it cannot
 * be, the browser test is skipped with the reason.
 */
class SlidesCommandTest {
    @TempDir static Path dir;
    private static Path deck;
    private static LabOutput out;

    @BeforeAll
    static void writeTheDeck() {
        deck = dir.resolve("deck.html");
        out = LabOutput.run("slides", "orders", "print-years-twice", "rc-cycle", "--out", deck.toString());
    }

    @Test
    void theDeckIsOneFileWithAScenariosSourceTableAndTimelineAndAMarpTwin() throws Exception {
        assertThat(out.exit()).as(out.err()).isZero();
        String html = Files.readString(deck, StandardCharsets.UTF_8);
        assertThat(html).contains("Reveal.initialize(").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("@import url(");
        // a title, then source, table and timeline per scenario, then rc-cycle's five pointer diagrams (it alone shares)
        assertThat(sections(html)).isEqualTo(1 + 3 * 3 + 5);
        assertThat(html).contains("<h2>orders: lifetimes</h2>").contains("data:image/png;base64,").contains("drag #1")
                .contains("<h2>rc-cycle: the heap after line 7</h2>").contains("<h2>rc-cycle: the heap at exit</h2>");
        String md = Files.readString(dir.resolve("deck.md"), StandardCharsets.UTF_8);
        assertThat(md).startsWith("---\nmarp: true").contains("![w:1100](deck-images/rc-cycle-timeline.png)")
                .contains("deck-images/rc-cycle-ownership-step-03-line-7.png");
        assertThat(dir.resolve("deck-images/orders-timeline.svg")).isNotEmptyFile();
    }

    @Test
    void withoutAnythingToShowItSaysWhatToGive() {
        LabOutput bad = LabOutput.run("slides", "--out", dir.resolve("empty.html").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("give at least one scenario or --results DIR").doesNotContain("Exception");
        LabOutput unknown = LabOutput.run("slides", "orderz", "--out", dir.resolve("x.html").toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("orders");
    }

    @Test
    void everySlideRendersInChromiumWithoutConsoleMessages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.findOrInstall();
        Assumptions.assumeTrue(chromium.available(), chromium::whyNot);
        assertThat(out.exit()).as(out.err()).isZero();
        int slides = sections(Files.readString(deck, StandardCharsets.UTF_8));
        for (int i = 0; i < slides; i++) {
            Path shot = dir.resolve("slide-" + i + ".png");
            String log = chromium.screenshot(deck.toUri() + "#/" + i, shot, dir, 1280, 800, "--virtual-time-budget=3000");
            assertThat(HeadlessChromium.consoleLines(log)).as("console of slide " + i).isEmpty();
            BufferedImage image = ImageIO.read(shot.toFile());
            assertThat(inkedPixels(image)).as("dark pixels on slide " + i).isGreaterThan(2_000);
        }
    }

    private static int sections(String html) {
        Matcher m = Pattern.compile("<section>").matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** Pixels clearly darker than the page: text, table rules, charts. */
    private static int inkedPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++)
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff) < 3 * 160) n++;
            }
        return n;
    }
}
