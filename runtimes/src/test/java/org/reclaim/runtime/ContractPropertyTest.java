package org.reclaim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.reclaim.runtime.epsilon.Epsilon;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.manual.Manual;
import org.reclaim.runtime.probe.Probe;

/**
 * Random correct programs (a forest of owned objects built, read, rearranged and freed) driven
 * through epsilon and manual, with the heap's invariants checked after every step and the data
 * checked against a model. At the end, manual has freed every object exactly once and leaks nothing.
 */
class ContractPropertyTest {

    @Property(tries = 60)
    void randomProgramsKeepTheHeapConsistentUnderManual(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 1 << 20) Integer> ops) {
        Manual m = new Manual(1 << 20, Probe.OFF, false);
        Program p = new Program(m, ops);
        p.run();
        assertThat(m.leaks()).isEmpty();
        assertThat(p.freedTwice.cardinality()).isZero();
        assertThat(p.freed).isEqualTo(p.allocated);
        HeapInvariants.check(m);
    }

    @Property(tries = 30)
    void randomProgramsKeepTheHeapConsistentUnderManualSanitize(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 1 << 20) Integer> ops) {
        Manual m = new Manual(1 << 20, Probe.OFF, true);
        Program p = new Program(m, ops);
        p.run();
        assertThat(m.leaks()).isEmpty();
        assertThat(p.freed).isEqualTo(p.allocated);
    }

    @Property(tries = 40)
    void randomProgramsKeepTheHeapConsistentUnderEpsilon(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 1 << 20) Integer> ops) {
        Epsilon m = new Epsilon(1 << 20, Probe.OFF);
        Program p = new Program(m, ops);
        p.run();
        assertThat(p.freed.cardinality()).isZero();
        HeapInvariants.check(m);
    }

    /** Interprets a list of numbers as a correct program and checks every step against a model. */
    static final class Program {
        final MemoryManager m;
        final List<Integer> ops;
        final int node, vec;
        final BitSet allocated = new BitSet(), freed = new BitSet(), freedTwice = new BitSet();
        /** Handles the program holds as roots, per open scope (innermost last). */
        final List<List<Integer>> scopes = new ArrayList<>();
        final List<Scope> open = new ArrayList<>();
        /** Model: object id -> data word 0, and -> parent id (0 = a root). */
        final Map<Integer, Long> data = new HashMap<>();
        final Map<Integer, Integer> parent = new HashMap<>();

        Program(MemoryManager m, List<Integer> ops) {
            this.m = m;
            this.ops = ops;
            node = m.shapes().define("Node", 1, SlotKind.OWNED, SlotKind.OWNED);
            vec = m.shapes().defineSlotArray("Vec<Box<Node>>", SlotKind.OWNED, 1);
            m.onFree(id -> { if (freed.get(id)) freedTwice.set(id); freed.set(id); });
        }

        void run() {
            open.add(m.scope());
            scopes.add(new ArrayList<>());
            for (int op : ops) {
                step(op);
                HeapInvariants.check(m, this::held);
            }
            while (!open.isEmpty()) closeScope();
        }

        private boolean held(int entry) {
            for (List<Integer> s : scopes) for (int h : s) if (m.handles().index(h) == entry) return true;
            return false;
        }

        private List<Integer> roots() { return scopes.get(scopes.size() - 1); }

        private void step(int op) {
            int choice = op & 7, arg = op >>> 3;
            List<Integer> roots = roots();
            switch (choice) {
                case 0, 1 -> {                                  // let x = Box::new(Node { .. }) / vec
                    boolean isVec = choice == 1;
                    int h = isVec ? m.alloc(vec, 1 + arg % 5) : m.alloc(node, 0);
                    int id = m.id(h);
                    allocated.set(id);
                    long v = arg * 31L + 7;
                    m.write(h, 0, v);
                    data.put(id, v);
                    parent.put(id, 0);
                    roots.add(h);
                }
                case 2 -> {                                     // x.child = y (y a root tree, x not inside y)
                    if (roots.size() < 2) return;
                    int x = roots.get(arg % roots.size());
                    int y = roots.get((arg / 7) % roots.size());
                    if (x == y || inside(m.id(x), m.id(y))) return;
                    int slots = slots(x);
                    int slot = arg % slots;
                    if (!m.isNull(x, slot)) return;
                    parent.put(m.id(y), m.id(x));
                    m.put(x, slot, y);
                    roots.remove(Integer.valueOf(y));
                }
                case 3 -> {                                     // let y = x.child.take()
                    if (roots.isEmpty()) return;
                    int x = roots.get(arg % roots.size());
                    int slots = slots(x);
                    int slot = arg % slots;
                    if (m.isNull(x, slot)) return;
                    int y = m.take(x, slot);
                    parent.put(m.id(y), 0);
                    roots.add(y);
                }
                case 4 -> {                                     // drop(x): frees x and what it owns
                    if (roots.isEmpty()) return;
                    int x = roots.remove(arg % roots.size());
                    m.drop(x);
                }
                case 5 -> {                                     // read every root's data against the model
                    for (int h : roots) assertThat(m.read(h, 0)).isEqualTo(data.get(m.id(h)));
                }
                case 6 -> {                                     // { ... a nested scope opens
                    if (open.size() < 4) { open.add(m.scope()); scopes.add(new ArrayList<>()); }
                }
                default -> {                                    // ... } it ends: its roots are freed first (C frees them)
                    if (open.size() > 1) closeScope();
                }
            }
        }

        /** A Node has two slots; a Vec (length at least 1) has one per element. */
        private int slots(int h) { return m.length(h) > 0 ? m.length(h) : 2; }

        /** True if object {@code a} is {@code b} or inside b's tree. */
        private boolean inside(int a, int b) {
            for (int p = a; p != 0; p = parent.getOrDefault(p, 0)) if (p == b) return true;
            return false;
        }

        private void closeScope() {
            List<Integer> roots = scopes.remove(scopes.size() - 1);
            for (int i = roots.size() - 1; i >= 0; i--) m.drop(roots.get(i));
            open.remove(open.size() - 1).close();
        }
    }
}
