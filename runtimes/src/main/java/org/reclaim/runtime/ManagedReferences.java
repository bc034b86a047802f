package org.reclaim.runtime;

import org.reclaim.runtime.heap.Heap;
import org.reclaim.runtime.probe.Probe;

/**
 * The meaning a garbage-collected language gives the operations that differ between languages,
 * shared by epsilon, the tracing collectors and C's manual management: a reference is a copy (a
 * call's argument, a stored value's source and a taken slot's value stay usable where the
 * language lets them), {@code drop} only clears a variable, the program frees nothing (manual
 * overrides {@code free} and {@code drop} with C's), and {@code Rc}/{@code Weak} are plain
 * references. Ownership ({@code Ownership}) and reference counting ({@code RefCounting}) give
 * these operations their own meaning and extend {@link MemoryManager} directly.
 */
public abstract class ManagedReferences extends MemoryManager {

    protected ManagedReferences(long heapBytes, Probe probe) { super(heapBytes, probe); }

    @Override
    public void put(int h, int slot, int value) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        int v = Heap.NULL;
        if (value != Handles.NONE) {
            v = addressOf(value);
            handles.kill(Handles.indexOf(value));
        }
        w[sa] = v;
        slotStored(a, v);
    }

    @Override
    public int take(int h, int slot) {
        int a = access(h);
        int sa = slotAddr(a, slot);
        int v = (int) w[sa];
        w[sa] = Heap.NULL;
        return handles.push(v, handleKindFor(slotKind(a, slot)));
    }

    @Override public int share(int h) { return handles.push(deref(h), Handles.RC); }

    @Override public int downgrade(int h) { return handles.push(deref(h), Handles.WEAK); }

    @Override public int upgrade(int weak) { return handles.push(addressOf(weak), Handles.RC); }

    @Override public void drop(int h) { handles.kill(entry(h)); }

    @Override public void free(int h) { entry(h); }

    /**
     * Passing {@code h} to a call: in a managed language (and in C) the reference is copied and the
     * caller's variable stays usable (a move means nothing outside ownership).
     * The ownership manager overrides this with Rust's move, after which the source is dead.
     */
    @Override
    public int move(int h) {
        int i = entry(h);
        int m = handles.push(handles.addr(i), handles.kind(i));
        String n = handles.name(i);
        if (n != null) handles.name(handles.index(m), n);
        return m;
    }
}
