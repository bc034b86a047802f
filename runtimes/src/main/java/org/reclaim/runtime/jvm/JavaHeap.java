package org.reclaim.runtime.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.ObjectLayout;
import org.reclaim.runtime.heap.Shape;
import org.reclaim.runtime.heap.Shapes;
import org.reclaim.runtime.heap.SlotKind;

/**
 * The mutator contract on plain Java objects, for the real JVM as a manager: each simulated object
 * is a {@link JavaObject} (its slots an {@code Object[]}, its data a {@code long[]}), and the JVM's
 * own collector, whichever the forked JVM runs, finds and frees them. This is the one place where
 * a Java object per simulated object is the point.
 *
 * <p>Handles are indices into a root table ({@code Object[]}) held in scopes, as a simulated
 * manager's are; a root the program no longer holds is cleared so the collector can reclaim what
 * it pointed at. The meanings are Java's: {@code drop} clears the root, {@code free} does nothing,
 * {@code Rc}s and {@code Weak}s are plain references (a weak slot is a strong Java field, as a back
 * pointer in a Java program is), and {@code grow} copies into a new object as
 * {@code Arrays.copyOf} does.
 */
public final class JavaHeap implements Mutator {

    /** One simulated object as a Java object: identity, shape and tail length, slots and data. */
    static final class JavaObject {
        final int id;
        final Shape shape;
        final int length;
        final Object[] slots;
        final long[] data;

        JavaObject(int id, Shape shape, int length) {
            this.id = id;
            this.shape = shape;
            this.length = length;
            int s = shape.slots(length), d = shape.data(length);
            this.slots = s == 0 ? NO_SLOTS : new Object[s];
            this.data = d == 0 ? NO_DATA : new long[d];
        }
    }

    private static final Object[] NO_SLOTS = new Object[0];
    private static final long[] NO_DATA = new long[0];

    // ---- instance fields ----

    private final Shapes shapes = new Shapes();
    private Object[] roots = new Object[256];
    private String[] names = new String[256];
    private int top = 1;
    private int[] frameBase = new int[64];
    private int depth;
    private Scope[] scopes = new Scope[16];
    private final List<String> sites = new ArrayList<>(List.of("(no site)"));
    private int nextId = 1;
    private long objectsAllocated, bytesAllocated;

    @Override public Shapes shapes() { return shapes; }

    // ---- accounting ----

    /** Objects allocated so far. */
    public long objectsAllocated() { return objectsAllocated; }

    /**
     * Bytes allocated so far, counted as the simulated heap counts them (header, slots and data
     * words of 8 bytes), so runs compare across managers; the JVM's own object sizes differ.
     */
    public long bytesAllocated() { return bytesAllocated; }

    // ---- scopes ----

    @Override
    public Scope scope() {
        enter();
        if (depth >= scopes.length) scopes = Arrays.copyOf(scopes, scopes.length * 2);
        Scope s = scopes[depth];
        if (s == null) s = scopes[depth] = new Scope(this::closeScope, depth);
        return s;
    }

    @Override
    public int enter() {
        if (depth + 1 == frameBase.length) frameBase = Arrays.copyOf(frameBase, frameBase.length * 2);
        frameBase[++depth] = top;
        return depth;
    }

    @Override public void exit(int mark) { closeScope(mark); }

    @Override
    public int ret(int mark, int h) {
        if (depth != mark) throw bad("ret: scope " + mark + " is not the innermost open scope (" + depth + " is)");
        return ret(h);
    }

    @Override
    public int child(int h, int slot) {
        Object c = slots(deref(h), slot)[slot];
        return c == null ? Handles.NONE : push(c);
    }

    private void closeScope(int d) {
        if (depth < d) return;
        if (depth != d) throw bad("scope " + d + " closed while scope " + depth + " inside it is still open");
        int b = frameBase[depth--];
        Arrays.fill(roots, b, top, null);
        Arrays.fill(names, b, top, null);
        top = b;
    }

    private int push(Object o) {
        if (top == roots.length) {
            if (top >= Handles.MAX_ENTRIES) throw bad("more than " + Handles.MAX_ENTRIES + " live handles");
            roots = Arrays.copyOf(roots, top * 2);
            names = Arrays.copyOf(names, top * 2);
        }
        roots[top] = o;
        return top++;
    }

    private void checkHandle(int h) {
        if (h <= 0 || h >= top) throw bad("handle " + Integer.toHexString(h) + " is not live: its scope has ended, or it never existed");
    }

    private JavaObject deref(int h) {
        checkHandle(h);
        Object o = roots[h];
        if (o == null) {
            String n = names[h];
            throw new MemoryFault(MemoryFault.Kind.NULL_DEREFERENCE, null,
                    "null reference: " + (n == null ? "a variable" : "`" + n + "`") + " was dropped, moved or never set");
        }
        return (JavaObject) o;
    }

    private static MemoryFault bad(String message) {
        return new MemoryFault(MemoryFault.Kind.BAD_INPUT, null, message);
    }

    // ---- allocation ----

    @Override
    public int alloc(int shape, int length) { return push(newObject(shape, length)); }

    @Override
    public int allocShared(int shape, int length) { return push(newObject(shape, length)); }

    private JavaObject newObject(int shapeId, int length) {
        if (shapeId < 0 || shapeId >= shapes.size()) throw bad("no shape " + shapeId + " (" + shapes.size() + " are defined)");
        Shape s = shapes.get(shapeId);
        if (length < 0) throw bad("negative length " + length + " for a " + s.name());
        if (length > 0 && s.tail() == Shape.Tail.NONE)
            throw bad("a " + s.name() + " has no variable part, but length " + length + " was asked for");
        objectsAllocated++;
        bytesAllocated += ObjectLayout.words(s, length) * Long.BYTES;
        return new JavaObject(nextId++, s, length);
    }

    // ---- data ----

    @Override public long read(int h, int i) { return data(deref(h), i)[i]; }

    @Override public void write(int h, int i, long value) { data(deref(h), i)[i] = value; }

    @Override public int length(int h) { return deref(h).length; }

    private static long[] data(JavaObject o, int i) {
        if (i < 0 || i >= o.data.length)
            throw bad("data word " + i + " is out of range for a " + o.shape.name() + " with " + o.data.length + " data words");
        return o.data;
    }

    private static Object[] slots(JavaObject o, int slot) {
        if (slot < 0 || slot >= o.slots.length)
            throw bad("slot " + slot + " is out of range for a " + o.shape.name() + " with " + o.slots.length + " slots");
        return o.slots;
    }

    // ---- references ----

    @Override public int borrow(int h) { return push(deref(h)); }

    @Override public int borrowMut(int h) { return push(deref(h)); }

    @Override public int borrow(int h, int slot) { return push(slots(deref(h), slot)[slot]); }

    @Override
    public boolean advance(int cursor, int slot) {
        Object child = slots(deref(cursor), slot)[slot];
        roots[cursor] = child;
        return child != null;
    }

    @Override
    public void put(int h, int slot, int value) {
        Object[] s = slots(deref(h), slot);
        Object v = null;
        if (value != Handles.NONE) {
            checkHandle(value);
            v = roots[value];
            roots[value] = null;
        }
        s[slot] = v;
    }

    @Override
    public int take(int h, int slot) {
        Object[] s = slots(deref(h), slot);
        Object v = s[slot];
        s[slot] = null;
        return push(v);
    }

    @Override public boolean isNull(int h, int slot) { return slots(deref(h), slot)[slot] == null; }

    @Override public boolean isNull(int h) {
        checkHandle(h);
        return roots[h] == null;
    }

    @Override public int share(int h) { return push(deref(h)); }

    @Override public int downgrade(int h) { return push(deref(h)); }

    @Override public int upgrade(int weak) {
        checkHandle(weak);
        return push(roots[weak]);
    }

    @Override
    public void drop(int h) {
        checkHandle(h);
        roots[h] = null;
    }

    @Override public void free(int h) { checkHandle(h); }

    @Override
    public int move(int h) {
        checkHandle(h);
        Object o = roots[h];
        String n = names[h];
        int m = push(o);                  // Java passes a copy of the reference; the caller's stays

        names[m] = n;
        return m;
    }

    @Override
    public int ret(int h) {
        checkHandle(h);
        if (h < frameBase[depth]) throw bad("ret: the handle returned must belong to the scope being ended");
        Object o = roots[h];
        String n = names[h];
        closeScope(depth);
        int r = push(o);
        names[r] = n;
        return r;
    }

    @Override
    public void grow(int h, int length) {
        JavaObject old = deref(h);
        JavaObject fresh = newObject(old.shape.id(), length);
        System.arraycopy(old.slots, 0, fresh.slots, 0, Math.min(old.slots.length, fresh.slots.length));
        System.arraycopy(old.data, 0, fresh.data, 0, Math.min(old.data.length, fresh.data.length));
        roots[h] = fresh;
    }

    /**
     * {@code x.clone()} as {@code #[derive(Clone)]} writes it: owned children copied, shared and
     * weak ones referenced. Iterative, so a long list clones without deep Java recursion.
     */
    @Override
    public int cloneDeep(int h) {
        JavaObject src = deref(h);
        JavaObject root = copyOf(src);
        ArrayDeque<JavaObject[]> work = new ArrayDeque<>();
        work.push(new JavaObject[] {src, root});
        while (!work.isEmpty()) {
            JavaObject[] pair = work.pop();
            JavaObject from = pair[0], to = pair[1];
            for (int s = 0; s < from.slots.length; s++) {
                Object c = from.slots[s];
                if (c == null) continue;
                if (from.shape.slotKind(s) == SlotKind.OWNED) {
                    JavaObject copy = copyOf((JavaObject) c);
                    to.slots[s] = copy;
                    work.push(new JavaObject[] {(JavaObject) c, copy});
                } else {
                    to.slots[s] = c;
                }
            }
        }
        return push(root);
    }

    private JavaObject copyOf(JavaObject o) {
        JavaObject c = newObject(o.shape.id(), o.length);
        System.arraycopy(o.data, 0, c.data, 0, o.data.length);
        return c;
    }

    // ---- naming ----

    @Override public void name(int h, String name) {
        checkHandle(h);
        names[h] = name;
    }

    @Override public int id(int h) { return deref(h).id; }

    @Override
    public int defineSite(String where) {
        int i = sites.indexOf(where);
        if (i > 0) return i;
        sites.add(where);
        return sites.size() - 1;
    }

    @Override
    public void site(int number) {
        if (number < 0 || number >= sites.size()) throw bad("no allocation site " + number);
    }
}
