package org.reclaim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario's lifetime timeline: its source lines down the side, and for each manager (or family)
 * a lane with one bar per object from the line that allocates it to the line that frees it; solid
 * while it is still used, hatched through its drag (held, never used again), grey while unreachable
 * but not yet freed, running off the bottom with an arrow when nothing frees it (red when the manager
 * reports a leak, grey when the process only ended first), and a red cross on
 * the line where an error stopped the program. Every manager on one picture, where RustViz and
 * Aquascope show one language.
 *
 * @param title    the heading (the scenario and its description)
 * @param lines    the source lines, then {@code (exit)}
 * @param columns  one per manager or family, in lane order
 */
public record LifetimeTimeline(String title, List<String> lines, List<Column> columns) {

    /**
     * One lane.
     *
     * @param name     its heading
     * @param objects  its objects' bars
     * @param errorRow the row where an error stopped the program, or -1
     */
    public record Column(String name, List<Bar> objects, int errorRow) {
        public Column {
            objects = List.copyOf(objects);
        }
    }

    /**
     * One object's life under one manager, in rows (indices into {@code lines}).
     *
     * @param id          its allocation number
     * @param allocated   the row that allocated it
     * @param lastUse     the row of its last use
     * @param unreachable the row where it became unreachable, or -1
     * @param freed       the row that freed it, or -1 if nothing did
     * @param leaked      whether the manager reported it leaked (else a bar running off the end was only not freed before exit)
     * @param drag        rows of drag
     */
    public record Bar(int id, int allocated, int lastUse, int unreachable, int freed, boolean leaked, List<Integer> drag) {
        public Bar {
            drag = List.copyOf(drag);
        }
    }

    public LifetimeTimeline {
        lines = List.copyOf(lines);
        columns = List.copyOf(columns);
    }

    private static final int ROW = 30, MARGIN = 16, BAR = 14, GAP = 6, LANE_PAD = 18, WIDTH = 1280;
    private static final Font CODE = new Font(Font.MONOSPACED, Font.PLAIN, 16);
    private static final Font HEAD = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font KEY = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Color LIVE = new Color(0x0072B2), DRAG = new Color(0xE69F00), HELD = new Color(0xBBBBBB),
            ERROR = new Color(0xD55E00), RULE = new Color(0xEEEEEE);

    /** Writes {@code dir/<name>.png} and {@code .svg}; returns them, PNG first. */
    public List<Path> write(Path dir, String name) {
        return Canvas.write(dir, name, WIDTH, height(), this::paint);
    }

    /** The timeline as its PNG shows it. */
    public BufferedImage image() {
        return Canvas.bitmap(WIDTH, height(), this::paint);
    }

    private int top() { return MARGIN + 30 + 26 + 48; }

    private int height() { return top() + lines.size() * ROW + 3 * ROW; }

    private int sourceWidth() {
        FontMetrics fm = Canvas.metrics(CODE);
        return Math.min(WIDTH / 2, lines.stream().mapToInt(fm::stringWidth).max().orElse(0) + 3 * MARGIN);
    }

    private void paint(Graphics2D g) {
        int top = top(), left = sourceWidth();
        g.setColor(Color.BLACK);
        g.setFont(TITLE);
        g.drawString(Canvas.wrap(title, TITLE, WIDTH - 2 * MARGIN).getFirst(), MARGIN, MARGIN + 22);
        paintKey(g, MARGIN + 30 + 18);
        int laneWidth = (WIDTH - left - MARGIN) / Math.max(1, columns.size());
        for (int r = 0; r < lines.size(); r++) {
            int y = top + r * ROW;
            if (r % 2 == 0) {
                g.setColor(RULE);
                g.fillRect(MARGIN, y, WIDTH - 2 * MARGIN, ROW);
            }
            g.setColor(Color.DARK_GRAY);
            g.setFont(CODE);
            String text = lines.get(r);
            while (text.length() > 4 && Canvas.metrics(CODE).stringWidth(text) > left - 2 * MARGIN) text = text.substring(0, text.length() - 2);
            g.drawString(text.equals(lines.get(r)) ? text : text + "…", MARGIN, y + ROW - 9);
        }
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            int x0 = left + c * laneWidth;
            g.setColor(Color.BLACK);
            g.setFont(HEAD);
            List<String> head = Canvas.wrap(col.name(), HEAD, laneWidth - 8);
            for (int i = 0; i < head.size(); i++) {
                String part = head.get(i);
                Font f = Canvas.fitted(HEAD, part, laneWidth - 8);
                g.setFont(f);
                g.drawString(part, x0 + (laneWidth - Canvas.metrics(f).stringWidth(part)) / 2, top - 10 - (head.size() - 1 - i) * 18);
            }
            g.setColor(HELD);
            g.drawLine(x0, top - 30, x0, top + lines.size() * ROW);
            int slot = Math.min(BAR + GAP, (laneWidth - 2 * LANE_PAD) / Math.max(1, col.objects().size()));
            for (int i = 0; i < col.objects().size(); i++) {
                Bar b = col.objects().get(i);
                int x = x0 + LANE_PAD + i * slot;
                paintBar(g, b, x, Math.max(4, slot - GAP), top);
            }
            if (col.errorRow() >= 0) paintCross(g, x0 + laneWidth / 2, top + col.errorRow() * ROW + ROW / 2);
            // One word under the lane for the bars that run off its end.
            boolean leaks = col.objects().stream().anyMatch(Bar::leaked);
            boolean unfreed = col.objects().stream().anyMatch(b -> b.freed() < 0);
            if (unfreed) {
                String why = leaks ? "leaked" : "held at exit";
                g.setFont(KEY);
                g.setColor(leaks ? ERROR : Color.GRAY);
                g.drawString(why, x0 + (laneWidth - Canvas.metrics(KEY).stringWidth(why)) / 2, top + (lines.size() + 1) * ROW + 32);
            }
        }
    }

    private void paintBar(Graphics2D g, Bar b, int x, int w, int top) {
        int end = b.freed() >= 0 ? b.freed() : lines.size() - 1;
        for (int r = b.allocated(); r <= end; r++) {
            int y = top + r * ROW;
            boolean held = b.unreachable() >= 0 && r > b.unreachable();
            if (b.drag().contains(r)) hatch(g, x, y, w);
            else if (b.unreachable() >= 0 && r > b.unreachable()) fill(g, HELD, x, y, w);
            else if (r > b.lastUse() && r != b.freed()) fill(g, LIVE, x + w / 2 - 1, y, 3);   // a line not in this language's program
            else fill(g, LIVE, x, y, w);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3f));
        int lastUseY = top + (b.lastUse() + 1) * ROW;
        g.drawLine(x - 4, lastUseY, x + w + 4, lastUseY);
        g.setFont(KEY);
        g.drawString("#" + b.id(), x - 2, top + b.allocated() * ROW - 2 + (b.allocated() == 0 ? ROW : 0));
        if (b.freed() < 0) {
            int y = top + lines.size() * ROW;
            fill(g, b.unreachable() >= 0 ? HELD : LIVE, x, y, w);
            g.setColor(b.leaked() ? ERROR : Color.GRAY);
            g.fillPolygon(new Polygon(new int[] {x - 4, x + w / 2, x + w + 4}, new int[] {y + ROW, y + ROW + 14, y + ROW}, 3));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void fill(Graphics2D g, Color c, int x, int y, int w) {
        g.setColor(c);
        g.fillRect(x, y + 1, w, ROW - 1);
    }

    private static void hatch(Graphics2D g, int x, int y, int w) {
        fill(g, new Color(0xFBE3B3), x, y, w);
        g.setColor(DRAG);
        g.setStroke(new BasicStroke(2f));
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y + 1, w, ROW - 1);
        for (int d = -ROW; d < w + ROW; d += 7) g.drawLine(x + d, y + ROW, x + d + ROW, y);
        g.setClip(clip);
        g.setStroke(new BasicStroke(1f));
    }

    private static void paintCross(Graphics2D g, int x, int y) {
        g.setColor(ERROR);
        g.setStroke(new BasicStroke(4f));
        g.drawLine(x - 9, y - 9, x + 9, y + 9);
        g.drawLine(x - 9, y + 9, x + 9, y - 9);
        g.setStroke(new BasicStroke(1f));
    }

    private void paintKey(Graphics2D g, int y) {
        int x = MARGIN;
        g.setFont(KEY);
        x = keyEntry(g, x, y, LIVE, false, "in use");
        x = keyEntry(g, x, y, null, true, "drag: held, never used again");
        x = keyEntry(g, x, y, HELD, false, "unreachable, not yet freed");
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x, y - 5, x + 20, y - 5);
        g.setStroke(new BasicStroke(1f));
        g.drawString("last use", x + 26, y);
        x += 26 + Canvas.metrics(KEY).stringWidth("last use") + 24;
        paintCross(g, x + 8, y - 5);
        g.setColor(Color.BLACK);
        g.drawString("error", x + 24, y);
        x += 24 + Canvas.metrics(KEY).stringWidth("error") + 24;
        g.setColor(ERROR);
        g.fillPolygon(new Polygon(new int[] {x, x + 8, x + 16}, new int[] {y - 10, y, y - 10}, 3));
        g.setColor(Color.BLACK);
        g.drawString("leaked (grey: still held at exit)", x + 22, y);
    }

    private static int keyEntry(Graphics2D g, int x, int y, Color c, boolean hatched, String label) {
        if (hatched) hatch(g, x, y - 15 - ROW + 18, 18);
        else {
            g.setColor(c);
            g.fillRect(x, y - 14, 18, 16);
        }
        g.setColor(Color.BLACK);
        g.drawString(label, x + 24, y);
        return x + 24 + Canvas.metrics(KEY).stringWidth(label) + 24;
    }
}
