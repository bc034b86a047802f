package org.reclaim.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A pointer diagram: the program's variables and the heap's objects as boxes, each reference an
 * arrow labelled with what it is ({@code Rc, strong 2}, {@code Weak, weak 1}, {@code &}, {@code Box}),
 * freed objects greyed, unreachable ones dashed, leaked ones red. Laid out by Eclipse ELK's layered
 * algorithm (variables end up on the left, references run rightwards, edges routed orthogonally
 * around the boxes), never placed by hand; drawn through {@link Canvas} as PNG and SVG.
 *
 * @param title    the heading (the scenario, the manager, the step's line)
 * @param subtitle a sentence under it, in red (what stopped the program, what leaked), or empty
 * @param nodes    the boxes
 * @param edges    the arrows, between boxes' keys
 */
public record PointerDiagram(String title, String subtitle, List<Node> nodes, List<Edge> edges) {

    /** How a box is drawn. */
    public enum Look {
        /** A variable of the program: a root. */
        VARIABLE,
        /** An object reachable from the variables. */
        LIVE,
        /** An object nothing strong reaches any more, not yet freed: dashed. */
        UNREACHABLE,
        /** An {@code Rc} value dropped while a {@code Weak} keeps its block: dashed grey. */
        DROPPED,
        /** A freed object: greyed. */
        FREED,
        /** An object the manager reports leaked at exit: red. */
        LEAKED
    }

    /** How an arrow is drawn. */
    public enum Arrow {
        /** Ownership: an owning variable, a {@code Box} field. */
        OWNING,
        /** A strong {@code Rc}. */
        STRONG,
        /** A {@code Weak}: dotted. */
        WEAK,
        /** A borrow, shared or mutable: dashed. */
        BORROW
    }

    /**
     * A box.
     *
     * @param key   its name in {@link Edge}s, unique in the diagram
     * @param label its lines of text
     * @param look  how it is drawn
     */
    public record Node(String key, List<String> label, Look look) {
        public Node {
            label = List.copyOf(label);
        }
    }

    /** An arrow from box {@code from} to box {@code to}, with {@code label} on it. */
    public record Edge(String from, String to, Arrow arrow, String label) {}

    /** Where ELK put a box, in the drawing's pixels. */
    public record Placed(String key, double x, double y, double width, double height) {
        /** True if the two boxes share any area. */
        public boolean overlaps(Placed o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    public PointerDiagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        List<String> keys = nodes.stream().map(Node::key).toList();
        for (Edge e : edges)
            if (!keys.contains(e.from()) || !keys.contains(e.to()))
                throw new IllegalArgumentException("edge " + e.from() + " -> " + e.to() + " names a box the diagram does not have");
    }

    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font NAME = new Font(Font.MONOSPACED, Font.BOLD, 17);
    private static final Font EDGE = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final int PAD = 10, MARGIN = 24, MIN_WIDTH = 640, LINE = 20;
    private static final Color INK = new Color(0x222222), VARIABLE = new Color(0xDCEBF7), RC = new Color(0x0072B2),
            GREY = new Color(0xAAAAAA), GREY_FILL = new Color(0xEEEEEE), LEAK = new Color(0xD55E00), BORROW = new Color(0x009E73);

    /** The boxes and arrows as ELK placed them. */
    private record Layout(double width, double height, Map<String, Placed> boxes, List<Route> routes) {}

    /** One arrow's polyline and its label's box. */
    private record Route(Edge edge, List<double[]> points, double labelX, double labelY) {}

    /** Where every box goes, in the drawing's pixels (below the title). */
    public List<Placed> layout() { return List.copyOf(layOut().boxes().values()); }

    /** Writes {@code dir/<name>.png} and {@code .svg}; returns them, PNG first. */
    public List<Path> write(Path dir, String name) {
        Layout l = layOut();
        return Canvas.write(dir, name, width(l), height(l), g -> paint(g, l));
    }

    /** The diagram as its PNG shows it. */
    public BufferedImage image() {
        Layout l = layOut();
        return Canvas.bitmap(width(l), height(l), g -> paint(g, l));
    }

    private int width(Layout l) {
        int text = Math.max(Math.max(Canvas.metrics(TITLE).stringWidth(title), Canvas.metrics(SUBTITLE).stringWidth(subtitle)),
                Canvas.metrics(EDGE).stringWidth(key()));
        return (int) Math.ceil(Math.max(MIN_WIDTH, Math.max(l.width(), text) + 2 * MARGIN));
    }

    private int height(Layout l) { return (int) Math.ceil(top() + l.height() + MARGIN + LINE + PAD); }

    /** What the drawing's looks and arrows mean, for those it has. */
    String key() {
        List<String> parts = new ArrayList<>();
        for (Look look : Look.values()) {
            if (nodes.stream().noneMatch(n -> n.look() == look)) continue;
            parts.add(switch (look) {
                case VARIABLE -> "blue box: a variable";
                case LIVE -> "box: an object";
                case UNREACHABLE -> "dashed: unreachable, not freed";
                case DROPPED -> "dashed grey: value dropped, block kept for a Weak";
                case FREED -> "grey: freed";
                case LEAKED -> "red: leaked";
            });
        }
        for (Arrow arrow : Arrow.values()) {
            if (edges.stream().noneMatch(e -> e.arrow() == arrow)) continue;
            parts.add(switch (arrow) {
                case OWNING -> "black arrow: owns";
                case STRONG -> "blue arrow: Rc";
                case WEAK -> "dotted: Weak";
                case BORROW -> "green dashed: borrow";
            });
        }
        return String.join(" · ", parts);
    }

    /** Height of the title and subtitle above the graph. */
    private int top() { return MARGIN + LINE + (subtitle.isEmpty() ? 0 : LINE) + PAD; }

    // ---- layout: ELK ----

    private Layout layOut() {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 36.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 90.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        for (Node n : nodes) {
            ElkNode e = ElkGraphUtil.createNode(root);
            FontMetrics fm = Canvas.metrics(n.look() == Look.VARIABLE ? NAME : TEXT);
            int w = n.label().stream().mapToInt(fm::stringWidth).max().orElse(0);
            e.setDimensions(w + 2.0 * PAD, n.label().size() * LINE + 2.0 * PAD - 4);
            if (n.look() == Look.VARIABLE) e.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
            elkNodes.put(n.key(), e);
        }
        FontMetrics efm = Canvas.metrics(EDGE);
        Map<Edge, ElkEdge> elkEdges = new LinkedHashMap<>();
        for (Edge e : edges) {
            ElkEdge ee = ElkGraphUtil.createSimpleEdge(elkNodes.get(e.from()), elkNodes.get(e.to()));
            ElkLabel label = ElkGraphUtil.createLabel(e.label(), ee);
            label.setDimensions(efm.stringWidth(e.label()) + 4.0, efm.getHeight());
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            elkEdges.put(e, ee);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        double dx = MARGIN, dy = top();
        Map<String, Placed> boxes = new LinkedHashMap<>();
        elkNodes.forEach((k, n) -> boxes.put(k, new Placed(k, n.getX() + dx, n.getY() + dy, n.getWidth(), n.getHeight())));
        List<Route> routes = new ArrayList<>();
        elkEdges.forEach((e, ee) -> {
            List<double[]> points = new ArrayList<>();
            for (ElkEdgeSection s : ee.getSections()) {
                points.add(new double[] {s.getStartX() + dx, s.getStartY() + dy});
                for (ElkBendPoint b : s.getBendPoints()) points.add(new double[] {b.getX() + dx, b.getY() + dy});
                points.add(new double[] {s.getEndX() + dx, s.getEndY() + dy});
            }
            ElkLabel label = ee.getLabels().getFirst();
            routes.add(new Route(e, points, label.getX() + dx, label.getY() + dy));
        });
        return new Layout(root.getWidth(), root.getHeight(), boxes, routes);
    }

    // ---- painting ----

    private void paint(Graphics2D g, Layout l) {
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString(title, MARGIN, MARGIN + g.getFontMetrics().getAscent() - 4);
        if (!subtitle.isEmpty()) {
            g.setFont(SUBTITLE);
            g.setColor(LEAK);
            g.drawString(subtitle, MARGIN, MARGIN + LINE + g.getFontMetrics().getAscent());
        }
        for (Route r : l.routes()) paintEdge(g, r);
        for (Node n : nodes) paintNode(g, n, l.boxes().get(n.key()));
        g.setFont(EDGE);
        g.setColor(GREY.darker());
        g.drawString(key(), MARGIN, (int) Math.round(top() + l.height() + PAD + LINE));
    }

    private static void paintNode(Graphics2D g, Node n, Placed p) {
        int x = (int) Math.round(p.x()), y = (int) Math.round(p.y()), w = (int) Math.round(p.width()), h = (int) Math.round(p.height());
        Color fill = switch (n.look()) {
            case VARIABLE -> VARIABLE;
            case FREED, DROPPED -> GREY_FILL;
            default -> Color.WHITE;
        };
        Color border = switch (n.look()) {
            case FREED, DROPPED -> GREY;
            case LEAKED -> LEAK;
            default -> INK;
        };
        g.setColor(fill);
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setColor(border);
        Stroke old = g.getStroke();
        boolean dashed = n.look() == Look.UNREACHABLE || n.look() == Look.DROPPED;
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(n.look() == Look.LEAKED ? 3f : 1.6f));
        g.drawRoundRect(x, y, w, h, 10, 10);
        g.setStroke(old);
        g.setColor(n.look() == Look.FREED || n.look() == Look.DROPPED ? GREY.darker() : INK);
        g.setFont(n.look() == Look.VARIABLE ? NAME : TEXT);
        FontMetrics fm = g.getFontMetrics();
        int ty = y + PAD + fm.getAscent() - 2;
        for (String line : n.label()) {
            g.drawString(line, x + PAD, ty);
            ty += LINE;
        }
    }

    private static void paintEdge(Graphics2D g, Route r) {
        if (r.points().size() < 2) return;
        Color c = switch (r.edge().arrow()) {
            case OWNING -> INK;
            case STRONG -> RC;
            case WEAK -> GREY.darker();
            case BORROW -> BORROW;
        };
        Stroke stroke = switch (r.edge().arrow()) {
            case OWNING, STRONG -> new BasicStroke(2f);
            case WEAK -> new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 5f}, 0f);
            case BORROW -> new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
        };
        Stroke old = g.getStroke();
        g.setColor(c);
        g.setStroke(stroke);
        Path2D path = new Path2D.Double();
        path.moveTo(r.points().getFirst()[0], r.points().getFirst()[1]);
        for (double[] p : r.points().subList(1, r.points().size())) path.lineTo(p[0], p[1]);
        g.draw(path);
        g.setStroke(old);
        double[] end = r.points().getLast(), before = r.points().get(r.points().size() - 2);
        double angle = Math.atan2(end[1] - before[1], end[0] - before[0]);
        Polygon head = new Polygon();
        head.addPoint((int) Math.round(end[0]), (int) Math.round(end[1]));
        head.addPoint((int) Math.round(end[0] - 12 * Math.cos(angle - 0.4)), (int) Math.round(end[1] - 12 * Math.sin(angle - 0.4)));
        head.addPoint((int) Math.round(end[0] - 12 * Math.cos(angle + 0.4)), (int) Math.round(end[1] - 12 * Math.sin(angle + 0.4)));
        g.fillPolygon(head);
        g.setFont(EDGE);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.WHITE);
        g.fillRect((int) Math.round(r.labelX()), (int) Math.round(r.labelY()), fm.stringWidth(r.edge().label()) + 4, fm.getHeight());
        g.setColor(c.darker());
        g.drawString(r.edge().label(), (int) Math.round(r.labelX()) + 2, (int) Math.round(r.labelY()) + fm.getAscent());
    }
}
