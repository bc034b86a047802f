package org.reclaim.workloads.scenarios;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An explanation as JSON, one event per object in the order things happened:
 * <pre>{"scenario": "orders", "rows": [
 *   {"row": 3, "source": "..", "cells": {"manual": [{"event": "alloc", "object": 1}]}}
 * ]}</pre>
 * Rows count from 1 as the source lines do; the exit is the last row, its source {@code "(exit)"}.
 * An event is {@code {"event": "alloc"|"free"|"gc-free"|"cycle-free"|"collection"|"read-freed"|"error"|"leak"|"not-compiled"|"last-use"|"drag", "object": N}}
 * with {@code "code"}, {@code "variable"} and {@code "message"} on an error and {@code "values"} on a read of freed data.
 * Written by Jackson, a row per line so that a diff of two runs reads row by row.
 */
public final class ExplanationJson {
    private ExplanationJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The explanation as one JSON document, ending with a newline. */
    public static String of(Explanation e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", e.scenario());
        ArrayNode rows = root.putArray("rows");
        for (int row = 0; row <= e.exitRow(); row++) {
            ObjectNode r = rows.addObject();
            r.put("row", row + 1);
            r.put("source", row == e.exitRow() ? "(exit)" : e.lines().get(row).text() + (e.lines().get(row).cOnly() ? " // C only" : ""));
            ObjectNode cells = r.putObject("cells");
            for (String manager : e.managers()) {
                ArrayNode events = cells.putArray(manager);
                for (Event ev : e.events(row, manager)) add(events, ev);
            }
        }
        try {
            return MAPPER.writer(new RowPerLine()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The JSON events of one table event: one per object it concerns. */
    private static void add(ArrayNode events, Event ev) {
        String name = switch (ev.type()) {
            case ALLOC -> "alloc";
            case FREE -> "free";
            case GC_FREE -> "gc-free";
            case CYCLE_FREE -> "cycle-free";
            case COLLECTION -> "collection";
            case READ_AFTER_FREE -> "read-freed";
            case ERROR -> "error";
            case LEAK -> "leak";
            case REJECTED -> "not-compiled";
            case LAST_USE -> "last-use";
            case DRAG -> "drag";
        };
        if (!ev.ids().isEmpty() && ev.type() != Event.Type.READ_AFTER_FREE) {
            for (int id : ev.ids()) events.addObject().put("event", name).put("object", id);
            return;
        }
        ObjectNode o = events.addObject().put("event", name);
        if (!ev.ids().isEmpty()) o.put("object", ev.ids().getFirst());
        if (!ev.values().isEmpty()) {
            ArrayNode values = o.putArray("values");
            ev.values().forEach(values::add);
        }
        if (ev.code() != null) o.put("code", ev.code());
        if (ev.variable() != null) o.put("variable", ev.variable());
        if (ev.detail() != null) o.put("message", ev.detail());
    }

    /**
     * The layout: everything on one line with {@code ": "} and {@code ", "}, except the rows,
     * each on a line of its own, indented by two spaces. A new one per document (it counts depth).
     */
    private static final class RowPerLine implements PrettyPrinter {
        /** Depth of the rows array: inside the root object. */
        private static final int ROWS = 2;
        private int depth;

        @Override public void writeRootValueSeparator(JsonGenerator g) throws IOException {}

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            g.writeRaw('}');
        }

        @Override public void writeObjectEntrySeparator(JsonGenerator g) throws IOException { g.writeRaw(", "); }

        @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (depth == ROWS) g.writeRaw('\n');
            depth--;
            g.writeRaw(']');
        }

        @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(depth == ROWS ? ",\n  " : ", "); }

        @Override public void beforeArrayValues(JsonGenerator g) throws IOException { if (depth == ROWS) g.writeRaw("\n  "); }

        @Override public void beforeObjectEntries(JsonGenerator g) throws IOException {}
    }
}
