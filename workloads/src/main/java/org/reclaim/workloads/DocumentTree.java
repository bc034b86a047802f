package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * document-tree: {@code n} JSON-like documents, each generated at random (objects, arrays,
 * strings, numbers; depth up to 6, up to 5 children), transformed into a new document (numbers
 * doubled, strings reversed, object members whose key starts with a multiple of 5 removed), hashed,
 * and kept in a window of the last 8 transformed documents; the source is dropped at once. A mix of
 * short-lived trees and medium-lived ones of uneven size.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 39.1 KiB,
 * small 93.0 KiB, default 128.4 KiB, large 159.1 KiB (the window of 8 documents and the two in flight).
 *
 * <pre>{@code
 * enum Json { Null, Number(i64), Str(String), Array(Vec<Json>), Object(Vec<(String, Json)>) }
 * }</pre>
 */
public final class DocumentTree implements Workload {
    static final int NUMBER = 1, STRING = 2, ARRAY = 3, OBJECT = 4;
    static final int KIND = 0, VALUE = 1;
    static final int KEY = 0, MEMBER_VALUE = 1;
    static final int MAX_DEPTH = 6, MAX_CHILDREN = 5, WINDOW = 8;

    @Override public String name() { return "document-tree"; }

    @Override public String description() { return "JSON-like documents built, transformed into new trees, and dropped"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 4);
        s.put("small", 400);
        s.put("default", 4_000);
        s.put("large", 40_000);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 40072L, "small", 95184L, "default", 131520L, "large", 162968L);
    }

    /** The shapes of one run. */
    private record Shapes(int json, int member, int string, int window) {}

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        Shapes sh = new Shapes(
                m.shapes().defineSlotArray("Json", SlotKind.OWNED, 2),
                m.shapes().define("Member", 0, SlotKind.OWNED, SlotKind.OWNED),
                m.shapes().defineDataArray("String", 0),
                m.shapes().defineSlotArray("Vec<Json>", SlotKind.OWNED, 0));
        SplittableRandom random = new SplittableRandom(seed);
        long checksum = 0;
        try (Scope main = m.scope()) {
            int window = m.alloc(sh.window, WINDOW);
            for (int d = 0; d < n; d++) {
                try (Scope s = m.scope()) {
                    int source = generate(m, sh, random, 0);
                    int result = transform(m, sh, source);
                    m.drop(source);
                    checksum = checksum * 31 + hash(m, result);
                    int slot = d % WINDOW;
                    if (!m.isNull(window, slot)) m.drop(m.take(window, slot));
                    m.put(window, slot, result);
                }
            }
            m.drop(window);
        }
        return checksum;
    }

    private static int generate(Mutator m, Shapes sh, SplittableRandom random, int depth) {
        try (Scope s = m.scope()) {
            int kind = depth == 0 ? OBJECT : depth >= MAX_DEPTH ? 1 + random.nextInt(2) : 1 + random.nextInt(4);
            int children = kind >= ARRAY ? 1 + random.nextInt(MAX_CHILDREN) : kind == STRING ? 1 : 0;
            int node = m.alloc(sh.json, children);
            m.write(node, KIND, kind);
            switch (kind) {
                case NUMBER -> m.write(node, VALUE, random.nextInt(1000));
                case STRING -> m.put(node, 0, string(m, sh, random));
                case ARRAY -> {
                    for (int i = 0; i < children; i++) m.put(node, i, generate(m, sh, random, depth + 1));
                }
                default -> {
                    for (int i = 0; i < children; i++) {
                        int member = m.alloc(sh.member, 0);
                        m.put(member, KEY, string(m, sh, random));
                        m.put(member, MEMBER_VALUE, generate(m, sh, random, depth + 1));
                        m.put(node, i, member);
                    }
                }
            }
            return m.ret(node);
        }
    }

    private static int string(Mutator m, Shapes sh, SplittableRandom random) {
        int length = 1 + random.nextInt(12);
        int str = m.alloc(sh.string, length);
        for (int i = 0; i < length; i++) m.write(str, i, 'a' + random.nextInt(26));
        return str;
    }

    /** A new document from {@code node}: numbers doubled, strings reversed, some members left out. */
    private static int transform(Mutator m, Shapes sh, int node) {
        try (Scope s = m.scope()) {
            int kind = (int) m.read(node, KIND);
            int children = m.length(node);
            int kept = children;
            if (kind == OBJECT) {
                kept = 0;
                for (int i = 0; i < children; i++) if (keep(m, node, i)) kept++;
            }
            int out = m.alloc(sh.json, kept);
            m.write(out, KIND, kind);
            switch (kind) {
                case NUMBER -> m.write(out, VALUE, 2 * m.read(node, VALUE));
                case STRING -> m.put(out, 0, reversed(m, sh, m.borrow(node, 0)));
                case ARRAY -> {
                    for (int i = 0; i < children; i++) m.put(out, i, transform(m, sh, m.borrow(node, i)));
                }
                case OBJECT -> {
                    for (int i = 0, j = 0; i < children; i++) {
                        if (!keep(m, node, i)) continue;
                        int member = m.borrow(node, i);
                        int copy = m.alloc(sh.member, 0);
                        m.put(copy, KEY, m.cloneDeep(m.borrow(member, KEY)));
                        m.put(copy, MEMBER_VALUE, transform(m, sh, m.borrow(member, MEMBER_VALUE)));
                        m.put(out, j++, copy);
                    }
                }
                default -> { }
            }
            return m.ret(out);
        }
    }

    private static boolean keep(Mutator m, int object, int i) {
        try (Scope s = m.scope()) {
            return m.read(m.borrow(m.borrow(object, i), KEY), 0) % 5 != 0;
        }
    }

    private static int reversed(Mutator m, Shapes sh, int str) {
        int length = m.length(str);
        int out = m.alloc(sh.string, length);
        for (int i = 0; i < length; i++) m.write(out, i, m.read(str, length - 1 - i));
        return out;
    }

    private static long hash(Mutator m, int node) {
        try (Scope s = m.scope()) {
            int kind = (int) m.read(node, KIND);
            long h = kind;
            switch (kind) {
                case NUMBER -> h = h * 31 + m.read(node, VALUE);
                case STRING -> {
                    int str = m.borrow(node, 0);
                    for (int i = 0; i < m.length(str); i++) h = h * 31 + m.read(str, i);
                }
                case ARRAY -> {
                    for (int i = 0; i < m.length(node); i++) h = h * 31 + hash(m, m.borrow(node, i));
                }
                case OBJECT -> {
                    for (int i = 0; i < m.length(node); i++) {
                        int member = m.borrow(node, i);
                        h = h * 31 + hash(m, m.borrow(member, MEMBER_VALUE)) + m.length(m.borrow(member, KEY));
                    }
                }
                default -> { }
            }
            return h;
        }
    }
}
