package org.reclaim.benchmarks;

/**
 * binary-trees written by hand on a {@code long[]} heap, one feature of the lab's contract added
 * per rung, to find what the machine itself charges for each: the floor under every simulated
 * manager. The rungs, each the one before plus one thing:
 *
 * <ul>
 *   <li>{@code raw}: a bump heap that never frees, nodes of 4 words (header, identity, two slots)
 *       as the lab lays them out. This is epsilon's floor: it streams ~480 MB of fresh memory
 *       through the caches where native binary-trees recycles a warm nursery.</li>
 *   <li>{@code raw-recycled}: the same, with each short-lived tree's memory reused for the next
 *       (the floor of a manager that frees: manual, the collectors, ownership).</li>
 *   <li>{@code handles}: + a root-handle stack of packed entries (address, generation, kind in
 *       one {@code long}), a generation check on every use, frames opened and closed per call
 *       ({@code enter}/{@code exit}/{@code ret}), and every reference the program holds in a
 *       handle, as the lab's {@code Mutator} contract has it. Streaming, as {@code raw}.</li>
 *   <li>{@code handles-recycled}: {@code handles} over recycled memory.</li>
 *   <li>{@code checked}: {@code handles} + the lab's remaining checks and bookkeeping on each
 *       access: slot bounds from the header through a per-shape table, the slot's kind looked up
 *       for a borrow, and the work counters (reads of slots, handles, scope ends, objects and
 *       words allocated).</li>
 * </ul>
 *
 * <p>Every rung returns binary-trees' checksum (the benchmark refuses another). Static state:
 * one rung runs per JVM (JMH forks per parameter), and nothing here allocates on the host heap
 * inside a run but the heap array made before it.
 */
final class LadderRungs {
    private LadderRungs() {}

    /** The rungs, in order. */
    static final String[] NAMES = {"raw", "raw-recycled", "handles", "handles-recycled", "checked"};

    private static final int MIN_DEPTH = 4;
    private static final int NODE_WORDS = 4;
    private static final long NODE_HEADER = NODE_WORDS;   // size in words; shape 0; no flags

    /** Heap words a rung needs at binary-trees depth {@code maxDepth}. */
    static int heapWords(String rung, int maxDepthArg) {
        int maxDepth = Math.max(MIN_DEPTH + 2, maxDepthArg);
        long stretch = (2L << (maxDepth + 1)) * NODE_WORDS;
        if (rung.endsWith("recycled")) return (int) (2 * stretch + NODE_WORDS);
        long total = stretch + (2L << maxDepth) * NODE_WORDS;
        for (int d = MIN_DEPTH; d <= maxDepth; d += 2) total += (1L << (maxDepth - d + MIN_DEPTH)) * (2L << d) * NODE_WORDS;
        return (int) (total + NODE_WORDS);
    }

    /** Runs rung {@code rung} of binary-trees at {@code maxDepth} on {@code heap} (zeroed, of {@link #heapWords}). */
    static long run(String rung, int maxDepth, long[] heap) {
        int max = Math.max(MIN_DEPTH + 2, maxDepth);
        return switch (rung) {
            case "raw" -> new Raw(heap, false).run(max);
            case "raw-recycled" -> new Raw(heap, true).run(max);
            case "handles" -> new WithHandles(heap, false, false).run(max);
            case "handles-recycled" -> new WithHandles(heap, true, false).run(max);
            case "checked" -> new WithHandles(heap, false, true).run(max);
            default -> throw new IllegalArgumentException("no ladder rung " + rung + " (rungs: " + String.join(", ", NAMES) + ")");
        };
    }

    /** Rungs {@code raw} and {@code raw-recycled}: addresses held in Java locals. */
    private static final class Raw {
        private final long[] w;
        private final boolean recycle;
        private int top = NODE_WORDS;        // address 0 is null
        private int nextId = 1;

        Raw(long[] w, boolean recycle) {
            this.w = w;
            this.recycle = recycle;
        }

        long run(int max) {
            long checksum = check(bottomUp(max + 1));
            if (recycle) top = NODE_WORDS;
            int longLived = bottomUp(max);
            int mark = top;
            for (int depth = MIN_DEPTH; depth <= max; depth += 2) {
                int iterations = 1 << (max - depth + MIN_DEPTH);
                for (int i = 0; i < iterations; i++) {
                    checksum += check(bottomUp(depth));
                    if (recycle) top = mark;          // the tree is garbage: its words are written anew by the next
                }
            }
            return checksum + check(longLived);
        }

        private int bottomUp(int depth) {
            int left = 0, right = 0;
            if (depth > 0) {
                left = bottomUp(depth - 1);
                right = bottomUp(depth - 1);
            }
            int a = top;
            top = a + NODE_WORDS;
            w[a] = NODE_HEADER;
            w[a + 1] = nextId++;
            w[a + 2] = left;
            w[a + 3] = right;
            return a;
        }

        private long check(int a) {
            int left = (int) w[a + 2];
            return left == 0 ? 1 : 1 + check(left) + check((int) w[a + 3]);
        }
    }

    /** Rungs {@code handles}, {@code handles-recycled} and {@code checked}: every reference in a handle. */
    private static final class WithHandles {
        private static final int INDEX_MASK = (1 << 24) - 1;
        private static final long GENERATION_FIELD = 0xFFL << 32;
        private static final long OWN = 1L << 40, BORROW = 2L << 40;

        private final long[] w;
        private final boolean recycle, checked;
        private int top = NODE_WORDS;
        private int nextId = 1;
        private long[] entries = new long[1 << 10];
        private int entryTop = 1;
        private long pushes;
        private int[] frames = new int[64];
        private int depth;
        // the checked rung's per-shape tables (one shape: Node) and work counters (fields of an
        // object the recursive calls share, so the JIT keeps every increment)
        private final int[] fixedSlots = {2};
        private final boolean[] weakSlots = {false};
        private long slotAccesses, scopeEnds, objects, words;

        WithHandles(long[] w, boolean recycle, boolean checked) {
            this.w = w;
            this.recycle = recycle;
            this.checked = checked;
            entries[0] = 0x80L << 32;           // entry 0 matches no handle's generation
        }

        private int push(int address, long kind) {
            int i = entryTop;
            if (i == entries.length) entries = java.util.Arrays.copyOf(entries, i * 2);
            int g = (int) (++pushes & 0x7F);
            entries[i] = (address & 0xFFFF_FFFFL) | (long) g << 32 | kind;
            entryTop = i + 1;
            return g << 24 | i;
        }

        private long entry(int h) {
            int i = h & INDEX_MASK;
            if (i >= entryTop) throw stale(h);
            long e = entries[i];
            if ((int) (e >>> 32 & 0xFF) != h >>> 24) throw stale(h);
            return e;
        }

        private static IllegalStateException stale(int h) {
            return new IllegalStateException("handle " + Integer.toHexString(h) + " is not live");
        }

        private int deref(int h) {
            int a = (int) entry(h);
            if (a == 0) throw new IllegalStateException("null reference");
            return a;
        }

        private void kill(int h) { entries[h & INDEX_MASK] &= GENERATION_FIELD; }

        private int enter() {
            if (depth + 1 == frames.length) frames = java.util.Arrays.copyOf(frames, depth * 2 + 2);
            frames[++depth] = entryTop;
            return depth;
        }

        private void exit(int mark) {
            if (mark != depth) throw new IllegalStateException("scope " + mark + " is not the innermost");
            if (checked) scopeEnds++;
            entryTop = frames[depth--];
        }

        private int ret(int mark, int h) {
            long e = entry(h);
            if ((h & INDEX_MASK) < frames[depth]) throw new IllegalStateException("ret of an outer handle");
            exit(mark);
            return push((int) e, e & 0xFFL << 40);
        }

        private int slotAddress(int a, int slot) {
            if (checked) {
                slotAccesses++;
                int shape = (int) (w[a] >>> 30) & 0x3FF;
                if (slot < 0 || slot >= fixedSlots[shape]) throw new IllegalStateException("slot " + slot + " out of range");
            }
            return a + 2 + slot;
        }

        private int alloc() {
            int a = top;
            if (w.length - a < NODE_WORDS) throw new IllegalStateException("out of memory");
            top = a + NODE_WORDS;
            w[a] = NODE_HEADER;
            w[a + 1] = nextId++;
            if (recycle) {                     // reused words are zeroed, as the lab zeroes a reused block's body
                w[a + 2] = 0L;
                w[a + 3] = 0L;
            }
            if (checked) {
                objects++;
                words += NODE_WORDS;
            }
            return push(a, OWN);
        }

        private void put(int h, int slot, int value) {
            int sa = slotAddress(deref(h), slot);
            w[sa] = (int) entry(value);
            kill(value);
        }

        private int child(int h, int slot) {
            int a = deref(h);
            int c = (int) w[slotAddress(a, slot)];
            if (c == 0) return 0;
            if (checked) {
                int shape = (int) (w[a] >>> 30) & 0x3FF;
                if (weakSlots[shape]) throw new IllegalStateException("the ladder's Node has no weak slot");
            }
            return push(c, BORROW);
        }

        long run(int max) {
            int main = enter();
            int stretch = bottomUp(max + 1);
            long checksum = check(stretch);
            kill(stretch);
            if (recycle) top = NODE_WORDS;
            int longLived = bottomUp(max);
            int mark = top;
            for (int d = MIN_DEPTH; d <= max; d += 2) {
                int iterations = 1 << (max - d + MIN_DEPTH);
                for (int i = 0; i < iterations; i++) {
                    int tree = bottomUp(d);
                    checksum += check(tree);
                    kill(tree);
                    if (recycle) top = mark;
                }
            }
            checksum += check(longLived);
            exit(main);
            return checksum;
        }

        private int bottomUp(int d) {
            int body = enter();
            if (d <= 0) return ret(body, alloc());
            int left = bottomUp(d - 1);
            int right = bottomUp(d - 1);
            int n = alloc();
            put(n, 0, left);
            put(n, 1, right);
            return ret(body, n);
        }

        private long check(int tree) {
            int body = enter();
            int left = child(tree, 0);
            long count = left == 0 ? 1 : 1 + check(left) + check(child(tree, 1));
            exit(body);
            return count;
        }
    }
}
