package org.reclaim.workloads.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.runtime.catalog.Managers;

/**
 * The shipped scenarios, now {@code .rs} files run by the Rust front end, give the same free points
 * as the Java listings they replaced: every cell of today's tables (captured before the change in
 * {@code scenarios/before/}, plain and with {@code --collect-every-line}) is compared with the new
 * one, with the ids of a free compared as a set (the old tables sorted them). The one deliberate
 * change: a program rustc rejects is no longer run under ownership, so those two columns are
 * compared with the compile-time verdict instead ({@link RustFrontEndTest}).
 */
class RustScenarioTablesTest {

    static Stream<Arguments> tables() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            out.add(Arguments.of(s.name(), false));
            out.add(Arguments.of(s.name(), true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} collect-every-line={1}")
    @MethodSource("tables")
    void sameFreePointsAsTheJavaListings(String name, boolean everyLine) throws IOException {
        Scenario s = Scenarios.find(name);
        assertThat(s).isInstanceOf(RustScenario.class);
        List<String[]> before = table(name + (everyLine ? ".every-line" : "") + ".md");
        Explanation now = Explainer.explain(s, everyLine);
        String[] head = before.get(0);
        assertThat(before).hasSize(now.exitRow() + 2);
        for (int row = 0; row <= now.exitRow(); row++) {
            String[] cells = before.get(row + 1);
            for (int c = 2; c < head.length; c++) {
                String manager = head[c];
                if (!s.compileErrors().isEmpty() && Managers.find(manager).family().equals("ownership")) continue;
                assertThat(normal(now.cell(row, manager)))
                        .as("%s row %d (%s) under %s", name, row + 1, cells[1], manager)
                        .isEqualTo(normal(cells[c]));
            }
        }
    }

    /** The rows of a captured Markdown table: the header, then a row per line and the exit. */
    private static List<String[]> table(String file) throws IOException {
        try (InputStream in = RustScenarioTablesTest.class.getResourceAsStream("/scenarios/before/" + file)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("|") || line.startsWith("|---")) continue;
                String[] cells = line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1);
                rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
            }
            return rows;
        }
    }

    /** A cell with footnote marks left out and each event's ids sorted. */
    private static String normal(String cell) {
        List<String> events = new ArrayList<>();
        for (String e : cell.replaceAll(" \\[\\d+]", "").split("; ")) {
            if (e.isEmpty()) continue;
            int hash = e.indexOf(" #");
            if (hash < 0 || e.contains(":")) {
                events.add(e);
                continue;
            }
            String[] ids = e.substring(hash + 1).split(" ");
            Arrays.sort(ids);
            String kind = e.substring(0, hash);
            int last = events.size() - 1;
            // the old tables merged frees of two passes over a line; compare the objects freed
            if (last >= 0 && events.get(last).startsWith(kind + " #")) {
                List<String> all = new ArrayList<>(List.of(events.get(last).substring(hash + 1).split(" ")));
                all.addAll(List.of(ids));
                all.sort(null);
                events.set(last, kind + " " + String.join(" ", all));
            } else events.add(kind + " " + String.join(" ", ids));
        }
        return String.join("; ", events);
    }
}
