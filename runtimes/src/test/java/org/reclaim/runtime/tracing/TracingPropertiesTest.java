package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.SlotKind;

/**
 * Random programs (allocate, put, take, drop, borrow, write, grow, open and close scopes, collect)
 * under every tracing collector with random heap sizes. After every collection, automatic or
 * asked for, the {@link CheckingProbe} checks survivors against the reachability walk, and a model
 * of the program's object graph (by identity) checks that every surviving object still holds the
 * same children and data words: moving changed nothing the program can see.
 */
class TracingPropertiesTest {

    @Provide
    Arbitrary<String> collectors() { return Arbitraries.of(Collectors.NAMES); }

    @Property(tries = 80)
    void collectionsKeepExactlyTheReachableObjectsAndTheirContents(
            @ForAll("collectors") String name,
            @ForAll @IntRange(min = 2, max = 24) int heapKb,
            @ForAll @Size(max = 250) List<@IntRange(min = 0, max = 1 << 20) Integer> script) {
        CheckingProbe probe = new CheckingProbe();
        TracingCollector m = probe.create(name, heapKb * 1024L);
        Program p = new Program(m);
        probe.alsoCheck = p::checkModel;
        try {
            p.run(script);
        } catch (OutOfMemory e) {
            assertThat(e.heapBytes()).isEqualTo(m.heap().bytes());
        }
    }

    /** The interpreter: a script of integers, each an operation (its low digits) and its arguments. */
    static final class Program {
        final TracingCollector m;
        final int node, vec, bytes;
        final List<List<Integer>> scopes = new ArrayList<>();
        final List<Scope> open = new ArrayList<>();
        final Map<Integer, int[]> slots = new HashMap<>();
        final Map<Integer, long[]> data = new HashMap<>();

        Program(TracingCollector m) {
            this.m = m;
            node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.WEAK);
            vec = m.shapes().defineSlotArray("Vec<Box<Node>>", SlotKind.OWNED, 1);
            bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        }

        void run(List<Integer> script) {
            openScope();
            for (int x : script) step(x % 12, x / 12);
            while (!open.isEmpty()) closeScope();
        }

        private void step(int op, int arg) {
            switch (op) {
                case 0 -> allocated(m.alloc(node, 0));
                case 1 -> allocated(m.alloc(vec, 1 + arg % 4));
                case 2 -> allocated(m.alloc(bytes, arg % 40));
                case 3 -> put(arg);
                case 4 -> withObject(arg, (h, id) -> {
                    int n = slots.get(id).length;
                    if (n == 0) return;
                    int slot = (arg / 7) % n;
                    int t = m.take(h, slot);
                    slots.get(id)[slot] = 0;
                    current().add(t);
                });
                case 5 -> {
                    List<Integer> s = current();
                    if (!s.isEmpty()) m.drop(s.remove(arg % s.size()));
                }
                case 6 -> { if (open.size() < 6) openScope(); }
                case 7 -> { if (open.size() > 1) closeScope(); }
                case 8 -> withObject(arg, (h, id) -> {
                    int n = slots.get(id).length;
                    if (n > 0) current().add(m.borrow(h, (arg / 7) % n));
                });
                case 9 -> withObject(arg, (h, id) -> {
                    long[] d = data.get(id);
                    if (d.length == 0) return;
                    int i = (arg / 7) % d.length;
                    m.write(h, i, arg);
                    d[i] = arg;
                });
                case 10 -> withObject(arg, (h, id) -> {
                    if (ObjectLayout.shape(m.heap().header(m.handles().addr(m.handles().index(h)))) == node) return;
                    m.grow(h, 1 + (arg / 7) % 12);
                    int fresh = m.id(h);
                    int[] s = Arrays.copyOf(slots.get(id), slots.get(id).length == 0 ? 0 : m.slotsAt(addr(h)));
                    long[] d = Arrays.copyOf(data.get(id), dataWords(addr(h)));
                    slots.put(fresh, s);
                    data.put(fresh, d);
                });
                default -> m.collect();
            }
        }

        private void allocated(int h) {
            int a = addr(h);
            slots.put(m.id(h), new int[m.slotsAt(a)]);
            data.put(m.id(h), new long[dataWords(a)]);
            current().add(h);
        }

        private void put(int arg) {
            List<Integer> all = live();
            if (all.size() < 2) return;
            int target = all.get(arg % all.size()), value = all.get((arg / 5) % all.size());
            if (m.isNull(target)) return;
            int id = m.id(target);
            int n = slots.get(id).length;
            if (n == 0) return;
            int slot = (arg / 31) % n;
            int valueId = m.isNull(value) ? 0 : m.id(value);
            m.put(target, slot, value);
            slots.get(id)[slot] = valueId;
            for (List<Integer> s : scopes) s.remove(Integer.valueOf(value));
        }

        interface ObjectStep { void apply(int handle, int id); }

        private void withObject(int arg, ObjectStep step) {
            List<Integer> all = live();
            if (all.isEmpty()) return;
            int h = all.get(arg % all.size());
            if (!m.isNull(h)) step.apply(h, m.id(h));
        }

        private int addr(int h) { return m.handles().addr(m.handles().index(h)); }

        private int dataWords(int a) { return m.heap().sizeOf(a) - ObjectLayout.HEADER_WORDS - m.slotsAt(a); }

        private List<Integer> current() { return scopes.getLast(); }

        private List<Integer> live() {
            List<Integer> all = new ArrayList<>();
            scopes.forEach(all::addAll);
            return all;
        }

        private void openScope() {
            open.add(m.scope());
            scopes.add(new ArrayList<>());
        }

        private void closeScope() {
            open.removeLast().close();
            scopes.removeLast();
        }

        /** Every surviving object holds the children and data words the program gave it. */
        void checkModel() {
            long[] w = m.heap().words;
            m.forEachObject(a -> {
                int id = m.idAt(a);
                int n = m.slotsAt(a);
                int[] children = new int[n];
                for (int s = 0; s < n; s++) {
                    int c = (int) w[a + ObjectLayout.HEADER_WORDS + s];
                    children[s] = c == 0 ? 0 : m.idAt(c);
                }
                long[] d = Arrays.copyOfRange(w, a + ObjectLayout.HEADER_WORDS + n, a + m.heap().sizeOf(a));
                assertThat(children).as("children of #%d", id).isEqualTo(slots.get(id));
                assertThat(d).as("data of #%d", id).isEqualTo(data.get(id));
            });
        }
    }
}
