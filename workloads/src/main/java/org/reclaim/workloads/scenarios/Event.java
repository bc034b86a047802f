package org.reclaim.workloads.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One thing that happened on a source line under one manager, as {@code lab explain} prints it.
 * Events of the same type on the same line merge, in the order they happened ({@code free #4 #5}),
 * except frees of two different passes over the line (two calls of one function).
 *
 * @param type   what happened
 * @param ids    the objects concerned (allocated, freed, leaked, or the freed object read)
 * @param values data words read after free (for {@link Type#READ_AFTER_FREE})
 * @param code   for an error: Rust's code, or a short name of the fault
 * @param detail   for an error: the full message, in the words of the tool that reports it
 * @param variable for an error: the variable it names, or null
 */
public record Event(Type type, List<Integer> ids, List<Long> values, String code, String detail, String variable) {

    /** What an event says. */
    public enum Type {
        /** Objects allocated. */
        ALLOC("alloc"),
        /** Objects freed by the program or by drop glue, a count cascade, a recursive free. */
        FREE("free"),
        /** Objects a tracing collection found unreachable and reclaimed. */
        GC_FREE("gc frees"),
        /** Objects a cycle collection reclaimed. */
        CYCLE_FREE("cycle collection frees"),
        /** A collection ran by itself and freed nothing (the forced ones, and the exit's, are shown only when they free). */
        COLLECTION("collection"),
        /** Data read from an object already freed (what C silently allows). */
        READ_AFTER_FREE("read freed"),
        /** A memory error or an ownership error: the run stops here. */
        ERROR("error"),
        /** Objects still allocated at exit with nothing to free them. */
        LEAK("leak"),
        /** The program was not compiled: rustc rejects it, so under Rust it never runs. */
        REJECTED("not compiled"),
        /** The object's last use: after this line nothing reads it again. */
        LAST_USE("last use"),
        /** The object is still reachable on this line but never used again: its drag. */
        DRAG("drag");

        private final String word;

        Type(String word) { this.word = word; }

        /** The word a table and the JSON output use: {@code free}, {@code gc frees}. */
        public String word() { return word; }
    }

    public Event {
        ids = List.copyOf(ids);
        values = List.copyOf(values);
    }

    /** An event that names no variable. */
    public Event(Type type, List<Integer> ids, List<Long> values, String code, String detail) {
        this(type, ids, values, code, detail, null);
    }

    static Event of(Type type, int id) { return new Event(type, List.of(id), List.of(), null, null); }

    static Event error(String code, String detail) { return new Event(Type.ERROR, List.of(), List.of(), code, detail); }

    /** This event with {@code other}'s ids (or values) added, if the two merge; else null. */
    Event merge(Event other) {
        if (other.type != type) return null;
        return switch (type) {
            case ALLOC, FREE, GC_FREE, CYCLE_FREE, LEAK -> {
                List<Integer> all = new ArrayList<>(ids);
                all.addAll(other.ids);
                yield new Event(type, all, values, code, detail, variable);
            }
            case COLLECTION -> this;
            case READ_AFTER_FREE -> {
                if (!ids.equals(other.ids)) yield null;
                List<Long> all = new ArrayList<>(values);
                all.addAll(other.values);
                yield new Event(type, ids, all, code, detail);
            }
            case ERROR, REJECTED, LAST_USE, DRAG -> null;   // one event per object: {"event": "drag", "object": N}
        };
    }

    /** The short form a table cell shows: {@code alloc #1}, {@code free #1 #2}, {@code error E0382}. */
    public String summary() {
        String idList = ids.stream().map(i -> "#" + i).collect(Collectors.joining(" "));
        return switch (type) {
            case COLLECTION -> type.word;
            case ERROR -> type.word + " " + code;
            case REJECTED -> type.word + " (" + code + ")";
            case READ_AFTER_FREE -> type.word + " " + idList + ": "
                    + values.stream().map(v -> String.format(Locale.ROOT, "%d", v)).collect(Collectors.joining(" "));
            default -> type.word + " " + idList;
        };
    }
}
