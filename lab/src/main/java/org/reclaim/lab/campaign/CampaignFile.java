package org.reclaim.lab.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.reclaim.lab.campaign.YamlNode.Mapping;
import org.reclaim.lab.campaign.YamlNode.Scalar;
import org.reclaim.lab.campaign.YamlNode.Seq;
import org.reclaim.runtime.NearestNames;
import org.reclaim.runtime.catalog.Managers;
import org.reclaim.workloads.Parameters;
import org.reclaim.workloads.Workload;
import org.reclaim.workloads.catalog.Workloads;

/**
 * Reads a campaign file and checks all of it before anything runs: every key known, every
 * workload, size, parameter and manager existing, every heap, count and duration well formed.
 * The first problem found is thrown as a {@link CampaignError} naming the file, the line and
 * column, and the valid choices.
 */
public final class CampaignFile {
    /** The keys of a campaign file. */
    static final List<String> KEYS = List.of("name", "description", "workloads", "managers", "heaps", "seeds",
            "repetitions", "warmup", "time-limit", "min-heap-manager", "record");
    /** The keys of one entry of {@code workloads}. */
    static final List<String> WORKLOAD_KEYS = List.of("name", "sizes", "params");

    /** The manager whose smallest completing heap is "1x", unless the file names another. */
    public static final String DEFAULT_MIN_HEAP_MANAGER = "mark-compact";
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(5);

    /** The most cells a campaign may have: at a second or more each, already days of running. */
    public static final int MAX_CELLS = 100_000;
    /** The most repetitions and warm-up runs of a cell. */
    static final int MAX_REPETITIONS = 1000, MAX_WARMUP = 1000;
    /** The longest time limit of one cell. */
    static final Duration MAX_TIME_LIMIT = Duration.ofDays(7);
    /** The largest multiple of the minimum heap a heap may be. */
    static final double MAX_MULTIPLE = 100;
    static final String MAX_MULTIPLE_TEXT = "100x";
    /** What a campaign name may be: it names the folder {@code results/<name>}, so nothing that leaves it. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String file;

    private CampaignFile(String file) {
        this.file = file;
    }

    /**
     * Reads and checks the campaign in {@code path}.
     *
     * @throws CampaignError for the first problem in the file
     */
    public static Campaign read(Path path) {
        if (!Files.exists(path)) throw new IllegalArgumentException("campaign file " + path + " does not exist");
        if (Files.isDirectory(path))
            throw new IllegalArgumentException("campaign file " + path + " is a folder; give a .yaml file");
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("campaign file " + path + " is not UTF-8 text; a campaign file is YAML"
                    + " (see scripts/campaigns/demo.yaml)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read campaign file " + path + ": " + e.getMessage());
        }
        if (text.indexOf('\0') >= 0)
            throw new IllegalArgumentException("campaign file " + path + " holds binary data (a NUL byte); a campaign"
                    + " file is YAML text (see scripts/campaigns/demo.yaml)");
        return parse(path.toString(), text);
    }

    /**
     * Reads and checks a campaign whose file is called {@code file} and holds {@code text}.
     *
     * @throws CampaignError for the first problem in the text
     */
    public static Campaign parse(String file, String text) {
        return new CampaignFile(file).campaign(YamlNode.parse(file, text), text);
    }

    private Campaign campaign(YamlNode root, String text) {
        Mapping m = mapping(root, "a campaign");
        checkKeys(m, KEYS, "campaign key");
        String name = m.entries().containsKey("name") ? name(m.entries().get("name")) : safeName(baseName(file));
        if (m.entries().containsKey("description")) scalar(m.entries().get("description"), "the description");
        List<Campaign.WorkloadSpec> workloads = list(required(m, "workloads"), "workloads", this::workload);
        List<String> managers = list(required(m, "managers"), "managers", this::manager);
        List<HeapSpec> heaps = m.entries().containsKey("heaps")
                ? list(m.entries().get("heaps"), "heaps", this::heap) : List.of(HeapSpec.parse("64m"));
        List<Long> seeds = m.entries().containsKey("seeds")
                ? list(m.entries().get("seeds"), "seeds", n -> count(n, "a seed", Long.MIN_VALUE, Long.MAX_VALUE)) : List.of(1L);
        int repetitions = m.entries().containsKey("repetitions")
                ? (int) count(m.entries().get("repetitions"), "repetitions", 1, MAX_REPETITIONS) : 1;
        int warmup = m.entries().containsKey("warmup") ? (int) count(m.entries().get("warmup"), "warmup", 0, MAX_WARMUP) : 0;
        Duration limit = m.entries().containsKey("time-limit") ? duration(m.entries().get("time-limit")) : DEFAULT_TIME_LIMIT;
        String minHeapManager = DEFAULT_MIN_HEAP_MANAGER;
        YamlNode minHeapNode = m.entries().get("min-heap-manager");
        if (minHeapNode != null) minHeapManager = scalar(minHeapNode, "min-heap-manager");
        Set<String> recordings = m.entries().containsKey("record")
                ? new LinkedHashSet<>(list(m.entries().get("record"), "record", this::recording)) : Set.of();
        checkMinHeapManager(minHeapManager, minHeapNode, m, heaps, managers);
        checkCells(m, workloads, managers.size() * (long) heaps.size() * seeds.size() * repetitions);
        return new Campaign(name, file, sha256(text), text, workloads, managers, heaps, seeds, repetitions, warmup,
                limit, minHeapManager, recordings);
    }

    /**
     * Refuses a campaign of more than {@link #MAX_CELLS} cells, and the same cell given twice by
     * two entries of {@code workloads} (the lists themselves refuse repeated values).
     */
    private void checkCells(Mapping root, List<Campaign.WorkloadSpec> workloads, long perCombination) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        long cells = 0;
        YamlNode list = root.entries().get("workloads");
        List<YamlNode> entries = list instanceof Seq s ? s.items() : List.of(list);
        for (int i = 0; i < workloads.size(); i++) {
            Campaign.WorkloadSpec w = workloads.get(i);
            for (String size : w.sizes())
                for (Map<String, String> combo : w.paramCombos()) {
                    Integer first = seen.putIfAbsent(w.name() + " " + size + " " + new java.util.TreeMap<>(combo), i);
                    if (first != null)
                        throw new CampaignError(file, entries.get(i).where(), "workload " + w.name() + " at size " + size
                                + (combo.isEmpty() ? "" : " with " + combo) + " is already given at line "
                                + entries.get(first).where().line() + "; each cell may be given once");
                }
            cells += w.sizes().size() * (long) w.paramCombos().size() * perCombination;
        }
        if (cells > MAX_CELLS)
            throw new CampaignError(file, root.keys().get("workloads"), "the campaign has " + cells + " cells (workloads x"
                    + " sizes x parameter values x heaps x managers x seeds x repetitions); at most " + MAX_CELLS
                    + " are allowed: split it into several campaigns");
    }

    // ---- entries ----

    private String name(YamlNode n) {
        String name = scalar(n, "the campaign's name");
        if (NAME.matcher(name).matches()) return name;
        throw new CampaignError(file, n.where(), "campaign name '" + abbreviate(name) + "' is not a file name: it names the"
                + " folder results/<name>, so it is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    /** A file name's base as a campaign name: unsafe characters become '-', at most 64 of them. */
    static String safeName(String base) {
        String s = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[._-]+", "");
        if (s.length() > 64) s = s.substring(0, 64);
        return s.isEmpty() ? "campaign" : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private Campaign.WorkloadSpec workload(YamlNode n) {
        Mapping m = n instanceof Scalar s ? new Mapping(Map.of("name", s), Map.of("name", s.where()), s.where())
                : mapping(n, "a workload: a name, or name, sizes and params");
        checkKeys(m, WORKLOAD_KEYS, "workload key");
        YamlNode nameNode = required(m, "name");
        String name = scalar(nameNode, "a workload name");
        Workload w = at(nameNode, () -> Workloads.find(name));
        List<String> sizes = m.entries().containsKey("sizes") ? list(m.entries().get("sizes"), "sizes", s -> {
            String size = scalar(s, "a size name");
            at(s, () -> Workloads.size(w, size));
            return size;
        }) : List.of("small");
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(Map.of());
        YamlNode paramsNode = m.entries().get("params");
        if (paramsNode != null) {
            Mapping pm = mapping(paramsNode, "the workload's parameters: name: value or name: [values]");
            for (var e : pm.entries().entrySet()) {
                YamlNode.Where kw = pm.keys().get(e.getKey());
                at(kw, () -> Parameters.resolve(w, Map.of(e.getKey(), w.parameters().getOrDefault(e.getKey(), ""))));
                List<String> values = list(e.getValue(), e.getKey(), v -> {
                    String value = scalar(v, "a value of " + e.getKey());
                    at(v, () -> Parameters.resolve(w, Map.of(e.getKey(), value)));
                    return value;
                });
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combos)
                    for (String v : values) {
                        Map<String, String> c2 = new LinkedHashMap<>(c);
                        c2.put(e.getKey(), v);
                        next.add(c2);
                    }
                combos = next;
            }
        }
        return new Campaign.WorkloadSpec(name, sizes, combos);
    }

    private String manager(YamlNode n) {
        String name = scalar(n, "a manager name");
        if (Managers.names().contains(name) || Campaign.isJvm(name)) return name;
        throw new CampaignError(file, n.where(), NearestNames.unknown("manager", name, validManagers()));
    }

    private HeapSpec heap(YamlNode n) {
        String text = scalar(n, "a heap size");
        return at(n, () -> HeapSpec.parse(text).checked(text));
    }

    private String recording(YamlNode n) {
        String r = scalar(n, "a recording");
        if (!Campaign.RECORDINGS.contains(r))
            throw new CampaignError(file, n.where(), NearestNames.unknown("recording", r, Campaign.RECORDINGS));
        return r;
    }

    private Duration duration(YamlNode n) {
        String t = scalar(n, "a time limit").trim().toLowerCase(Locale.ROOT);
        var match = java.util.regex.Pattern.compile("([0-9]{1,18})\\s*(ms|s|m|h)?").matcher(t);
        if (match.matches()) {
            long v = Long.parseLong(match.group(1));
            String unit = match.group(2) == null ? "s" : match.group(2);
            long unitMillis = switch (unit) {
                case "ms" -> 1;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 1000;
            };
            if (v > 0 && v <= MAX_TIME_LIMIT.toMillis() / unitMillis) return Duration.ofMillis(v * unitMillis);
        }
        throw new CampaignError(file, n.where(), "time-limit '" + abbreviate(t) + "' is not a duration from 1ms to "
                + MAX_TIME_LIMIT.toDays() + " days (168h), written such as 500ms, 90s, 10m or 1h");
    }

    private long count(YamlNode n, String what, long min, long max) {
        String t = scalar(n, what);
        try {
            long v = Long.parseLong(t.trim());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new CampaignError(file, n.where(), what + " '" + abbreviate(t) + "' is not a whole number"
                + (min == Long.MIN_VALUE ? " (a long: " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")"
                        : " from " + min + " to " + max));
    }

    private void checkMinHeapManager(String manager, YamlNode where, Mapping root, List<HeapSpec> heaps, List<String> managers) {
        boolean needed = heaps.stream().anyMatch(HeapSpec::isMultiple) && managers.stream().anyMatch(x -> !Campaign.isJvm(x));
        if (!needed || Managers.names().contains(manager)) return;
        YamlNode.Where w = where != null ? where.where() : root.keys().get("heaps");
        String why = where != null ? "min-heap-manager" : "heaps given as multiples of the minimum heap need its manager,"
                + " min-heap-manager (default " + DEFAULT_MIN_HEAP_MANAGER + "), and";
        throw new CampaignError(file, w, why + ": " + NearestNames.unknown("simulated manager", manager, Managers.names())
                + (where == null ? "; set min-heap-manager to one of them" : ""));
    }

    // ---- shapes of nodes ----

    private Mapping mapping(YamlNode n, String what) {
        if (n instanceof Mapping m) return m;
        throw new CampaignError(file, n.where(), "expected " + what + " (a mapping of keys), found " + YamlNode.describe(n));
    }

    private String scalar(YamlNode n, String what) {
        if (n instanceof Scalar s && s.text() != null) return s.text();
        throw new CampaignError(file, n.where(), "expected " + what + ", found " + YamlNode.describe(n));
    }

    private <T> List<T> list(YamlNode n, String key, Function<YamlNode, T> item) {
        List<YamlNode> items = n instanceof Seq s ? s.items() : List.of(n);
        if (items.isEmpty()) throw new CampaignError(file, n.where(), "'" + key + "' is an empty list; give at least one");
        List<T> out = new ArrayList<>();
        Map<T, YamlNode> first = new java.util.HashMap<>();
        for (YamlNode i : items) {
            T value = item.apply(i);
            YamlNode before = first.putIfAbsent(value, i);
            if (before != null)
                throw new CampaignError(file, i.where(), "'" + abbreviate(describeValue(i)) + "' is given twice in '" + key
                        + "' (first at line " + before.where().line() + "); give each value once");
            out.add(value);
        }
        return out;
    }

    private static String describeValue(YamlNode n) {
        return n instanceof Scalar s && s.text() != null ? s.text() : YamlNode.describe(n);
    }

    private YamlNode required(Mapping m, String key) {
        YamlNode n = m.entries().get(key);
        if (n == null) throw new CampaignError(file, m.where(), "missing key '" + key + "'");
        return n;
    }

    private void checkKeys(Mapping m, List<String> valid, String what) {
        for (var e : m.keys().entrySet())
            if (!valid.contains(e.getKey()))
                throw new CampaignError(file, e.getValue(), NearestNames.unknown(what, e.getKey(), valid));
    }

    /** Runs {@code check}, turning its IllegalArgumentException into a CampaignError at {@code n}. */
    private <T> T at(YamlNode n, java.util.function.Supplier<T> check) {
        return at(n.where(), check);
    }

    private <T> T at(YamlNode.Where w, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (CampaignError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CampaignError(file, w, e.getMessage());
        }
    }

    private static List<String> validManagers() {
        List<String> all = new ArrayList<>(Managers.names());
        for (String gc : List.of("serial", "parallel", "g1", "zgc", "shenandoah")) all.add("jvm:" + gc);
        return all;
    }

    private static String baseName(String file) {
        String n = Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
