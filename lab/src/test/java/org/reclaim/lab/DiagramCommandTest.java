package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab diagram}: a pointer diagram per step, its boxes and arrows printed, bad input answered in one line. */
class DiagramCommandTest {
    @TempDir Path dir;

    @Test
    void rcCycleGetsFiveDiagramsWhoseSvgsParseAndWhoseGraphIsPrinted() throws Exception {
        LabOutput out = LabOutput.run("diagram", "rc-cycle", "--out", dir.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        List<String> svgs;
        try (Stream<Path> files = Files.list(dir)) {
            svgs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg")).sorted().toList();
        }
        assertThat(svgs).containsExactly("rc-cycle-ownership-step-01-line-5.svg", "rc-cycle-ownership-step-02-line-6.svg",
                "rc-cycle-ownership-step-03-line-7.svg", "rc-cycle-ownership-step-04-line-11.svg", "rc-cycle-ownership-step-05-exit.svg");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String svg : svgs) assertThat(xml.newDocumentBuilder().parse(dir.resolve(svg).toFile()).getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(dir.resolve("rc-cycle-ownership-step-05-exit.png")).isNotEmptyFile();
        assertThat(out.out()).contains("rc-cycle under ownership, after line 7: *a.next.borrow_mut() = Some(Rc::clone(&b));",
                "  #1 -[Rc, strong 2]-> #2", "  #2 -[Rc, strong 2]-> #1", "  #1 Node | 1 | strong 1, weak 0 (leaked)", "  variable a", "  a -[Rc, strong 2]-> #1",
                "diagram: 5 steps of rc-cycle under ownership");
    }

    @Test
    void anotherManagerIsChosenWithManager() {
        LabOutput out = LabOutput.run("diagram", "weak-back-pointer", "--manager", "mark-sweep", "--out", dir.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(out.out()).contains("weak-back-pointer under mark-sweep", "  #1 -[Weak]-> #2").doesNotContain("strong");
    }

    @Test
    void badInputIsOneLineWithExitStatusTwo() {
        LabOutput unknown = LabOutput.run("diagram", "rc-cycle", "--manager", "ownrship", "--out", dir.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("ownership").doesNotContain("Exception");
        LabOutput rejected = LabOutput.run("diagram", "print-years-twice", "--manager", "ownership", "--out", dir.toString());
        assertThat(rejected.exit()).isEqualTo(2);
        assertThat(rejected.err()).contains("rustc rejects print-years-twice", "--manager").doesNotContain("Exception");
        assertThat(LabOutput.run("diagram", "--help").out()).contains("--manager", "--out", "Eclipse ELK");
    }
}
