package org.reclaim.analysis.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results.csv is read row by row, and a row that does not hold up is left out and counted (issue 19). */
class ResultsCsvValidationTest {
    @TempDir Path dir;

    Path csv(String... rows) throws Exception {
        StringBuilder sb = new StringBuilder(ResultsCsv.headerLine());
        for (String r : rows) sb.append(r).append('\n');
        return Files.writeString(dir.resolve("results.csv"), sb);
    }

    static String good(long seed) {
        return ResultsCsv.line(ResultsFileTest.row(seed)).strip();
    }

    @Test
    void aNegativeTimeAnUnknownStatusAndAShortRowAreLeftOutAndNamed() throws Exception {
        String negative = good(2).replace(",1000000,", ",-5000000000,");
        String unknown = good(3).replace(",ok,", ",splendid,");
        Path f = csv(good(1), negative, unknown, "binary-trees,tiny", good(4));
        ResultsCsv.Reading r = ResultsCsv.readChecked(f);
        assertThat(r.rows()).extracting(x -> x.key().seed()).containsExactly(1L, 4L);
        assertThat(r.skipped()).containsExactly(
                f + ":3: wall_ns -5000000000 is negative",
                f + ":4: status 'splendid' is not one of ok, oom, error, timeout, crash",
                f + ":5: has 2 values, the header " + ResultsCsv.COLUMNS.size());
    }

    @Test
    void garbageBytesSpoilOnlyTheirOwnRow() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((ResultsCsv.headerLine() + good(1) + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, '"', ',', 0, (byte) 0x80, '\n'});
        b.writeBytes((good(2) + "\n").getBytes(StandardCharsets.UTF_8));
        Path f = Files.write(dir.resolve("results.csv"), b.toByteArray());
        ResultsCsv.Reading r = ResultsCsv.readChecked(f);
        assertThat(r.rows()).extracting(x -> x.key().seed()).containsExactly(1L, 2L);
        assertThat(r.skipped()).singleElement().asString().startsWith(f + ":3: ");
    }

    @Test
    void aDeletedOrEmptyHeaderIsOneMessageNamingTheLine() throws Exception {
        Path f = Files.writeString(dir.resolve("results.csv"), good(1) + "\n" + good(2) + "\n");
        assertThatThrownBy(() -> ResultsCsv.readChecked(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + ":1: not a results.csv header line: it lacks the columns workload, size, manager, heap, seed,"
                        + " repetition, status (a results.csv starts workload,size,params,manager,...)");
        Files.writeString(f, "");
        assertThatThrownBy(() -> ResultsCsv.readChecked(f))
                .hasMessage(f + ":1: empty: a results.csv starts with its header line (workload,size,params,manager,...); a campaign writes it");
    }

    @Test
    void aResumedCampaignDoesNotCountALeftOutRowAsDone() throws Exception {
        Path f = csv(good(1), good(2).replace(",ok,", ",splendid,"));
        try (ResultsFile file = ResultsFile.open(f)) {
            assertThat(file.has(ResultsFileTest.key(1))).isTrue();
            assertThat(file.has(ResultsFileTest.key(2))).isFalse();
        }
        assertThat(ResultsCsv.read(f)).hasSize(1);
        assertThat(List.of(ResultsCsv.readChecked(f).skipped().size())).containsExactly(1);
    }
}
