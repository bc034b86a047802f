package org.reclaim.workloads.scenarios;

import java.util.HashMap;
import java.util.Map;
import org.reclaim.runtime.Handles;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.Shapes;

/**
 * The mutator a scenario sees under {@code lab explain}: every call goes to the manager, and the
 * watcher remembers which object each handle was made to refer to, so that a read through a
 * handle whose object has been freed (C's dangling pointer) is reported with the data it returned.
 * It also tells the explanation after each allocating call, so allocations and frees keep their
 * order within a line. Not for benchmarks: it allocates per call.
 */
final class WatchedMutator implements Mutator {

    /** What the watcher reports to. */
    interface Watcher {
        /** Objects may have been allocated by the call that just returned. */
        void allocated();

        /** True if object {@code id} has been freed. */
        boolean freed(int id);

        /** Data word {@code value} was read from freed object {@code id}. */
        void readAfterFree(int id, long value);
    }

    private final Mutator m;
    private final Watcher watcher;
    private final Map<Integer, Integer> origin = new HashMap<>();

    WatchedMutator(Mutator m, Watcher watcher) {
        this.m = m;
        this.watcher = watcher;
    }

    private int fresh(int h) {
        watcher.allocated();
        if (h != Handles.NONE && !m.isNull(h)) origin.put(h, m.id(h));
        return h;
    }

    private int same(int from, int h) {
        Integer o = origin.get(from);
        if (o != null && h != Handles.NONE) origin.put(h, o);
        return h;
    }

    private int child(int h) {
        if (h != Handles.NONE && !m.isNull(h)) origin.put(h, m.id(h));
        return h;
    }

    @Override public Shapes shapes() { return m.shapes(); }
    @Override public Scope scope() { return m.scope(); }
    @Override public int alloc(int shape, int length) { return fresh(m.alloc(shape, length)); }
    @Override public int allocShared(int shape, int length) { return fresh(m.allocShared(shape, length)); }

    @Override
    public long read(int h, int i) {
        long v = m.read(h, i);
        Integer o = origin.get(h);
        if (o != null && watcher.freed(o)) watcher.readAfterFree(o, v);
        return v;
    }

    @Override public void write(int h, int i, long value) { m.write(h, i, value); }
    @Override public int length(int h) { return m.length(h); }
    @Override public int borrow(int h) { return same(h, m.borrow(h)); }
    @Override public int borrowMut(int h) { return same(h, m.borrowMut(h)); }
    @Override public int borrow(int h, int slot) { return child(m.borrow(h, slot)); }

    @Override
    public boolean advance(int cursor, int slot) {
        boolean more = m.advance(cursor, slot);
        if (more) child(cursor);
        return more;
    }

    @Override public void put(int h, int slot, int value) { m.put(h, slot, value); }
    @Override public int take(int h, int slot) { return child(m.take(h, slot)); }
    @Override public boolean isNull(int h, int slot) { return m.isNull(h, slot); }
    @Override public boolean isNull(int h) { return m.isNull(h); }
    @Override public int share(int h) { return same(h, m.share(h)); }
    @Override public int downgrade(int h) { return same(h, m.downgrade(h)); }
    @Override public int upgrade(int weak) { return same(weak, m.upgrade(weak)); }
    @Override public int cloneDeep(int h) { return fresh(m.cloneDeep(h)); }

    @Override
    public void grow(int h, int length) {
        m.grow(h, length);
        fresh(h);
    }

    @Override public void drop(int h) { m.drop(h); }
    @Override public void free(int h) { m.free(h); }
    @Override public int move(int h) { return same(h, m.move(h)); }
    @Override public int ret(int h) { return same(h, m.ret(h)); }
    @Override public void name(int h, String name) { m.name(h, name); }
    @Override public int id(int h) { return m.id(h); }
    @Override public int defineSite(String where) { return m.defineSite(where); }
    @Override public void site(int site) { m.site(site); }
}
