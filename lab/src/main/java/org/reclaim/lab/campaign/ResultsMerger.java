package org.reclaim.lab.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.reclaim.analysis.results.ResultRow;
import org.reclaim.analysis.results.ResultsCsv;
import org.reclaim.analysis.results.ResultsFile;
import org.reclaim.lab.input.BadInput;

/**
 * Combines results folders of one campaign (its shards, or interrupted runs on several machines)
 * into one: one row per cell (the first folder given that has the cell wins), the union of the
 * minimum heaps, every recording and log file, each cell's machine ({@code machines.csv}), the
 * campaign file, and an {@code env.json} that
 * keeps each input's environment. Merging into a folder that already holds results adds what it
 * lacks, so merging again is harmless.
 */
public final class ResultsMerger {
    private ResultsMerger() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> COPIED_FOLDERS = List.of("pauses", "timeline", "jfr", "logs");

    /**
     * What a merge did.
     *
     * @param rows       rows in the merged results.csv
     * @param added      of them, added now
     * @param duplicates rows of the inputs left out because their cell was already there
     * @param invalid    rows of the inputs left out because they do not read (see {@link ResultsCsv#readChecked})
     */
    public record Summary(int rows, int added, int duplicates, int invalid) {}

    /**
     * Merges {@code inputs} into {@code out}.
     *
     * @throws BadInput if an input is not a results folder, or the folders come from different campaign files
     */
    public static Summary merge(Path out, List<Path> inputs) {
        if (Files.exists(out) && !Files.isDirectory(out))
            throw new BadInput("cannot merge into " + out + ": it is a file, not a folder");
        String sha = null;
        Path shaFrom = null;
        List<JsonNode> envs = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) throw new BadInput(in + " is not a results folder: " + (Files.exists(in)
                    ? "it is a file" : "it does not exist"));
            if (!Files.isRegularFile(in.resolve(ResultsCsv.FILE_NAME)))
                throw new BadInput(in + " is not a results folder: it has no " + ResultsCsv.FILE_NAME);
            JsonNode env = Environment.read(in);
            String s = env == null ? null : env.path("campaign").path("sha256").asText(null);
            if (s == null) throw new BadInput(in + " has no " + Environment.FILE_NAME + " naming its campaign file");
            if (sha != null && !sha.equals(s))
                throw new BadInput("cannot merge results of different campaign files: " + shaFrom + " ran "
                        + env(envs.getFirst()) + ", " + in + " ran " + env(env));
            sha = s;
            shaFrom = in;
            envs.add(env);
        }
        String outSha = Environment.campaignSha256(out);
        if (outSha != null && !outSha.equals(sha))
            throw new BadInput("cannot merge into " + out + ": it holds results of another campaign file");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        try (ResultsFolderLock lock = ResultsFolderLock.take(out, "lab merge")) {
            int added = 0, duplicates = 0, invalid = 0;
            try (ResultsFile merged = ResultsFile.open(out.resolve(ResultsCsv.FILE_NAME))) {
                for (Path in : inputs) {
                    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) continue;
                    ResultsCsv.Reading reading = ResultsCsv.readChecked(in.resolve(ResultsCsv.FILE_NAME));
                    invalid += reading.skipped().size();
                    for (ResultRow row : reading.rows()) {
                        if (merged.has(row.key())) { duplicates++; continue; }
                        merged.append(row);
                        added++;
                    }
                    copyFiles(in, out);
                }
                mergeMinimumHeaps(out, inputs);
                // the machine of each kept row: the folder's own lines win, then the first input's
                List<Path> byPrecedence = new ArrayList<>(inputs.reversed());
                byPrecedence.add(out);
                Environment.mergeMachines(out, byPrecedence);
                Path campaign = inputs.getFirst().resolve(CampaignRunner.CAMPAIGN_COPY);
                if (Files.exists(campaign) && !campaign.equals(out.resolve(CampaignRunner.CAMPAIGN_COPY)))
                    Files.copy(campaign, out.resolve(CampaignRunner.CAMPAIGN_COPY), StandardCopyOption.REPLACE_EXISTING);
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("campaign", envs.getFirst().path("campaign"));
                env.put("merged_from", envs);
                ResultsFile.writeWhole(out.resolve(Environment.FILE_NAME), JSON.writeValueAsString(env) + "\n");
                return new Summary(merged.finishedCount(), added, duplicates, invalid);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge into " + out + ": " + e.getMessage(), e);
        }
    }

    private static String env(JsonNode env) {
        JsonNode c = env.path("campaign");
        return c.path("file").asText("?") + " (sha256 " + c.path("sha256").asText("?").substring(0, 12) + "...)";
    }

    private static void copyFiles(Path in, Path out) throws IOException {
        for (String folder : COPIED_FOLDERS) {
            Path from = in.resolve(folder);
            if (!Files.isDirectory(from)) continue;
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path to = out.resolve(folder).resolve(from.relativize(f).toString());
                    if (Files.exists(to)) continue;
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to);
                }
            }
        }
    }

    private static void mergeMinimumHeaps(Path out, List<Path> inputs) {
        List<MinimumHeap.Entry> all = new ArrayList<>(MinimumHeap.read(out.resolve(MinimumHeap.FILE_NAME)));
        for (Path in : inputs)
            for (MinimumHeap.Entry e : MinimumHeap.read(in.resolve(MinimumHeap.FILE_NAME)))
                if (all.stream().noneMatch(a -> a.matches(e.workload(), e.size(), e.params(), e.seed(), e.manager())))
                    all.add(e);
        if (!all.isEmpty()) MinimumHeap.write(out.resolve(MinimumHeap.FILE_NAME), all);
    }
}
