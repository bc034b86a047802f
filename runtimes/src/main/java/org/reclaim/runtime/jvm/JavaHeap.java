package org.reclaim.runtime.jvm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.MemoryFault;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.Heap;
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
 * <p>Handles are the simulated managers' own ({@link Handles}: an entry index with a generation,
 * held in scopes), each entry's reference kept in a root table ({@code Object[]}) at the same
 * index, so a handle kept after its scope ended is refused here as there; a root the program no
 * longer holds is cleared so the collector can reclaim what it pointed at. The meanings are Java's: {@code drop} clears the root, {@code free} does nothing,
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
    /**
     * The handles, their frames, generations and names: the simulated managers' own, so a stale
     * handle is caught here as there. An entry's reference is {@code refs[entry index]}.
     */
    private final Handles handles = new Handles();
    private Object[] refs = new Object[256];
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
        int d = enter();
        if (d >= scopes.length) scopes = Arrays.copyOf(scopes, d * 2);
        Scope s = scopes[d];
        if (s == null) s = scopes[d] = new Scope(this::closeScope, d);
        return s;
    }

    @Override
    public int enter() { return handles.pushFrame(); }

    @Override public void exit(int mark) { closeScope(mark); }

    @Override
    public int ret(int mark, int h) {
        if (handles.depth() != mark)
            throw bad("ret: scope " + mark + " is not the innermost open scope (" + handles.depth() + " is)");
        return ret(h);
    }

    @Override
    public int child(int h, int slot) {
        Object c = slots(deref(h), slot)[slot];
        return c == null ? Handles.NONE : push(c);
    }

    private void closeScope(int d) {
        int depth = handles.depth();
        if (depth < d) return;
        if (depth != d) throw bad("scope " + d + " closed while scope " + depth + " inside it is still open");
        Arrays.fill(refs, handles.base(d), handles.top(), null);    // the Java objects are garbage now
        handles.popFrame();
    }

    private int push(Object o) {
        int h = handles.push(Heap.NULL, Handles.OWN);
        int i = Handles.indexOf(h);
        if (i >= refs.length) refs = Arrays.copyOf(refs, handles.capacity());
        refs[i] = o;
        return h;
    }

    /** The entry index of live handle {@code h}. */
    private int entry(int h) {
        int i = handles.index(h);
        if (i < 0) throw bad("handle " + Integer.toHexString(h) + " is not live: its scope has ended, or it never existed");
        return i;
    }

    private JavaObject deref(int h) {
        int i = entry(h);
        Object o = refs[i];
        if (o == null) {
            String n = handles.name(i);
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
        refs[entry(cursor)] = child;
        return child != null;
    }

    @Override
    public void put(int h, int slot, int value) {
        Object[] s = slots(deref(h), slot);
        Object v = null;
        if (value != Handles.NONE) {
            int i = entry(value);
            v = refs[i];
            refs[i] = null;
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

    @Override public boolean isNull(int h) { return refs[entry(h)] == null; }

    @Override public int share(int h) { return push(deref(h)); }

    @Override public int downgrade(int h) { return push(deref(h)); }

    @Override public int upgrade(int weak) { return push(refs[entry(weak)]); }

    @Override public void drop(int h) { refs[entry(h)] = null; }

    @Override public void free(int h) { entry(h); }

    @Override
    public int move(int h) {
        int i = entry(h);
        int m = push(refs[i]);            // Java passes a copy of the reference; the caller's stays
        name(m, handles.name(i));
        return m;
    }

    @Override
    public int ret(int h) {
        int i = entry(h);
        if (!handles.inInnermostFrame(i)) throw bad("ret: the handle returned must belong to the scope being ended");
        Object o = refs[i];
        String n = handles.name(i);
        closeScope(handles.depth());
        int r = push(o);
        name(r, n);
        return r;
    }

    @Override
    public void grow(int h, int length) {
        JavaObject old = deref(h);
        JavaObject fresh = newObject(old.shape.id(), length);
        System.arraycopy(old.slots, 0, fresh.slots, 0, Math.min(old.slots.length, fresh.slots.length));
        System.arraycopy(old.data, 0, fresh.data, 0, Math.min(old.data.length, fresh.data.length));
        refs[entry(h)] = fresh;
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

    @Override public void name(int h, String name) { handles.name(entry(h), name); }

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
