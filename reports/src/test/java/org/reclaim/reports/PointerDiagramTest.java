package org.reclaim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reclaim.reports.PointerDiagram.Arrow;
import org.reclaim.reports.PointerDiagram.Edge;
import org.reclaim.reports.PointerDiagram.Look;
import org.reclaim.reports.PointerDiagram.Node;
import org.reclaim.reports.PointerDiagram.Placed;

class PointerDiagramTest {
    /** rc-cycle after line 7 under ownership: two variables, two nodes pointing at each other. */
    static final PointerDiagram CYCLE = new PointerDiagram("rc-cycle under ownership, after line 7", "",
            List.of(new Node("v1", List.of("a"), Look.VARIABLE), new Node("v2", List.of("b"), Look.VARIABLE),
                    new Node("#1", List.of("#1 Node", "1", "strong 2, weak 0"), Look.LIVE),
                    new Node("#2", List.of("#2 Node", "2", "strong 2, weak 0"), Look.LIVE),
                    new Node("#3", List.of("#3 Vec<i64>"), Look.FREED)),
            List.of(new Edge("v1", "#1", Arrow.STRONG, "Rc, strong 2"), new Edge("v2", "#2", Arrow.STRONG, "Rc, strong 2"),
                    new Edge("#1", "#2", Arrow.STRONG, "Rc, strong 2"), new Edge("#2", "#1", Arrow.WEAK, "Weak, weak 1")));

    @Test
    void elkGivesEveryBoxItsOwnPlace() {
        List<Placed> boxes = CYCLE.layout();
        assertThat(boxes).extracting(Placed::key).containsExactly("v1", "v2", "#1", "#2", "#3");
        for (int i = 0; i < boxes.size(); i++)
            for (int j = i + 1; j < boxes.size(); j++)
                assertThat(boxes.get(i).overlaps(boxes.get(j))).as(boxes.get(i) + " and " + boxes.get(j)).isFalse();
        // the layered layout puts the roots to the left of what they refer to
        Placed a = boxes.get(0), first = boxes.get(2);
        assertThat(a.x() + a.width()).isLessThan(first.x());
    }

    @Test
    void writesAnSvgThatParsesAndAPngOfTheSameSize(@TempDir Path dir) throws Exception {
        List<Path> files = CYCLE.write(dir, "cycle");
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("cycle.png", "cycle.svg");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        // the SVG names the SVG 1.1 DTD on w3.org: well-formedness is checked here, without the network
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Files.readString(files.get(1))).contains("Rc, strong 2", "Weak, weak 1", "#3 Vec&lt;i64&gt;");
        var png = javax.imageio.ImageIO.read(files.get(0).toFile());
        assertThat(png.getWidth()).isEqualTo(CYCLE.image().getWidth());
    }
}
