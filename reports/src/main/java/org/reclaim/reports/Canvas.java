package org.reclaim.reports;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * One drawing written twice from the same Graphics2D calls: a PNG (Java2D on a bitmap) and an SVG
 * (VectorGraphics2D). Charts, lifetime timelines and pointer diagrams are drawn through it, so the
 * two files always show the same picture.
 */
final class Canvas {
    private Canvas() {}

    /**
     * Writes {@code dir/<name>.png} and {@code dir/<name>.svg} of a {@code width} x {@code height}
     * drawing on white.
     *
     * @return the two files, PNG first
     */
    static List<Path> write(Path dir, String name, int width, int height, Consumer<Graphics2D> painter) {
        Path png = dir.resolve(name + ".png"), svg = dir.resolve(name + ".svg");
        try {
            Files.createDirectories(dir);
            ImageIO.write(bitmap(width, height, painter), "png", png.toFile());
            VectorGraphics2D vg = new VectorGraphics2D();
            paintOnWhite(vg, width, height, painter);
            Document doc = new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, width, height));
            try (OutputStream out = Files.newOutputStream(svg)) {
                doc.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into " + dir + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    /** The drawing as a bitmap: what the PNG holds, and what the tests look at. */
    static BufferedImage bitmap(int width, int height, Consumer<Graphics2D> painter) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paintOnWhite(g, width, height, painter);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paintOnWhite(Graphics2D g, int width, int height, Consumer<Graphics2D> painter) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
    }

    /** Metrics of {@code font} without a drawing at hand (for laying out before painting). */
    static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** {@code text} broken at spaces into lines no wider than {@code width} pixels (a longer word gets a line of its own). */
    static List<String> wrap(String text, Font font, int width) {
        FontMetrics fm = metrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) continue;
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && fm.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** The largest size up to {@code size} (and at least half of it) at which {@code text} fits in {@code width} pixels. */
    static Font fitted(Font font, String text, int width) {
        Font f = font;
        int least = Math.max(8, font.getSize() / 2);
        while (f.getSize() > least && metrics(f).stringWidth(text) > width) f = f.deriveFont((float) f.getSize() - 1);
        return f;
    }
}
