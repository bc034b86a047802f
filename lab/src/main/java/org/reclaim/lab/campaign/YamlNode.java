package org.reclaim.lab.campaign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node was written, so every complaint about
 * a campaign file names its line and column. Read with Jackson's YAML parser, token by token.
 */
sealed interface YamlNode {

    /** Where the node starts: 1-based line and column. */
    Where where();

    /** A position in the file. */
    record Where(int line, int column) {
        static Where of(JsonLocation l) { return new Where(l.getLineNr(), l.getColumnNr()); }
    }

    /** A scalar (a string, a number, a boolean: all kept as written). {@code text} is null for YAML's null. */
    record Scalar(String text, Where where) implements YamlNode {}

    /** A sequence. */
    record Seq(List<YamlNode> items, Where where) implements YamlNode {}

    /** A mapping: keys in file order, each key with where it was written. */
    record Mapping(Map<String, YamlNode> entries, Map<String, Where> keys, Where where) implements YamlNode {}

    /** What a node is, for messages: "a list", "a mapping", "a value". */
    static String describe(YamlNode n) {
        return switch (n) {
            case Scalar s -> s.text() == null ? "empty" : "the value '" + s.text() + "'";
            case Seq s -> "a list";
            case Mapping m -> "a mapping";
        };
    }

    /**
     * Parses one YAML document.
     *
     * @throws CampaignError for malformed YAML or a key given twice, with its position
     */
    static YamlNode parse(String file, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new CampaignError(file, new Where(1, 1), "the file is empty; a campaign needs at least 'workloads' and 'managers'");
            return read(file, p);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new CampaignError(file, l == null ? new Where(1, 1) : Where.of(l),
                    "malformed YAML: " + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        } catch (IOException e) {
            throw new CampaignError(file, new Where(1, 1), "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode read(String file, JsonParser p) throws IOException {
        Where where = Where.of(p.currentTokenLocation());
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Where> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Where kw = Where.of(p.currentTokenLocation());
                    if (keys.containsKey(key))
                        throw new CampaignError(file, kw, "key '" + key + "' is given twice (first at line " + keys.get(key).line() + ")");
                    p.nextToken();
                    keys.put(key, kw);
                    entries.put(key, read(file, p));
                }
                return new Mapping(entries, keys, where);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(read(file, p));
                return new Seq(items, where);
            }
            case VALUE_NULL -> { return new Scalar(null, where); }
            default -> { return new Scalar(p.getText(), where); }
        }
    }
}
