package org.reclaim.workloads.scenarios;

import java.util.ArrayList;
import java.util.List;

/**
 * An explanation as JSON, one event per object in the order things happened:
 * <pre>{"scenario": "orders", "rows": [{"row": 3, "source": "..", "cells": {"manual": [{"event": "alloc", "object": 1}]}}]}</pre>
 * Rows count from 1 as the source lines do; the exit is the last row, its source {@code "(exit)"}.
 * An event is {@code {"event": "alloc"|"free"|"gc-free"|"cycle-free"|"collection"|"read-freed"|"error"|"leak"|"not-compiled", "object": N}}
 * with {@code "code"}, {@code "variable"} and {@code "message"} on an error and {@code "values"} on a read of freed data.
 */
public final class ExplanationJson {
    private ExplanationJson() {}

    public static String of(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"scenario\": ").append(quote(e.scenario())).append(", \"rows\": [");
        for (int row = 0; row <= e.exitRow(); row++) {
            if (row > 0) sb.append(',');
            String source = row == e.exitRow() ? "(exit)" : e.lines().get(row).text() + (e.lines().get(row).cOnly() ? " // C only" : "");
            sb.append("\n  {\"row\": ").append(row + 1).append(", \"source\": ").append(quote(source)).append(", \"cells\": {");
            for (int c = 0; c < e.managers().size(); c++) {
                if (c > 0) sb.append(", ");
                String manager = e.managers().get(c);
                List<String> events = new ArrayList<>();
                for (Event ev : e.events(row, manager)) events.addAll(events(ev));
                sb.append(quote(manager)).append(": [").append(String.join(", ", events)).append(']');
            }
            sb.append("}}");
        }
        return sb.append("\n]}\n").toString();
    }

    /** The JSON events of one table event: one per object it concerns. */
    static List<String> events(Event ev) {
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
        List<String> out = new ArrayList<>();
        if (ev.ids().isEmpty() || ev.type() == Event.Type.READ_AFTER_FREE) {
            StringBuilder sb = new StringBuilder("{\"event\": ").append(quote(name));
            if (!ev.ids().isEmpty()) sb.append(", \"object\": ").append(ev.ids().get(0));
            if (!ev.values().isEmpty())
                sb.append(", \"values\": [").append(String.join(", ", ev.values().stream().map(String::valueOf).toList())).append(']');
            if (ev.code() != null) sb.append(", \"code\": ").append(quote(ev.code()));
            if (ev.variable() != null) sb.append(", \"variable\": ").append(quote(ev.variable()));
            if (ev.detail() != null) sb.append(", \"message\": ").append(quote(ev.detail()));
            out.add(sb.append('}').toString());
        } else for (int id : ev.ids()) out.add("{\"event\": " + quote(name) + ", \"object\": " + id + "}");
        return out;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
