package org.reclaim.runtime;

import org.reclaim.runtime.heap.Shapes;

/**
 * The mutator contract: what a workload may do to the heap, in Rust's terms. Every memory manager
 * gives each operation its own meaning (the contract table of {@code docs/architecture.md}); a
 * workload never knows which manager runs it.
 *
 * <p>References the workload holds are <em>handles</em> ({@code int}s) owned by the innermost open
 * scope. {@link Handles#NONE} is no handle. Slot and data indices count from 0 over the
 * object's slots and data words respectively.
 *
 * <p>Scopes come in two forms with one meaning: a {@link Scope} object for blocks
 * ({@code try (Scope s = m.scope())}), and an {@code int} mark for function bodies, where a hot
 * recursive function should not touch an object: {@code int mark = m.enter(); ...
 * return m.ret(mark, x);} or {@code m.exit(mark)} (in a {@code finally} when the body may throw).
 * The table of what each manager makes of each operation is in {@code docs/architecture.md}.
 *
 * <p>The mark form, {@link #child} and the mark {@code ret} are optional operations: every
 * simulated manager and the real JVM's heap have them; a mutator that wraps another (a scenario's
 * watcher) may not, and says so.
 */
public interface Mutator {

    /** The shapes of this run: a workload defines its shapes here before allocating. */
    Shapes shapes();

    /** Opens a scope; use as {@code try (Scope s = m.scope()) { ... }}. */
    Scope scope();

    // ---- allocation ----

    /** {@code let x = Box::new(..)}: a new zeroed object; returns an owning handle. */
    int alloc(int shape, int length);

    /** {@code let x = Rc::new(..)}: a new counted object; returns a strong handle. */
    int allocShared(int shape, int length);

    // ---- data ----

    /** Reads data word {@code i} of the object {@code h} refers to. */
    long read(int h, int i);

    /** Writes data word {@code i} of the object {@code h} refers to. */
    void write(int h, int i, long value);

    /** The tail length of the object {@code h} refers to (a {@code Vec}'s capacity). */
    int length(int h);

    // ---- references ----

    /** {@code &x}: a shared borrow of the object itself. */
    int borrow(int h);

    /** {@code &mut x}: a mutable borrow of the object itself. */
    int borrowMut(int h);

    /** {@code x.next.as_ref()}: a shared borrow of the child in {@code slot}; a null handle if empty. */
    int borrow(int h, int slot);

    /**
     * {@code cur = cur.next.as_ref()}: re-points the borrow {@code cursor} at the child in
     * {@code slot} of what it now refers to. Returns false, leaving the cursor null, if the slot is
     * empty. Walks a structure without a new handle per step.
     */
    boolean advance(int cursor, int slot);

    /** {@code x.next = y}: moves {@code value} into the slot and drops what the slot held. */
    void put(int h, int slot, int value);

    /** {@code x.next.take()}: moves the child out into a new local handle; the slot becomes empty. */
    int take(int h, int slot);

    /** True if the slot is empty ({@code None}). */
    boolean isNull(int h, int slot);

    /** True if the handle refers to nothing (a failed upgrade, an empty borrow, a dropped value). */
    boolean isNull(int h);

    /** {@code Rc::clone(&x)}: a new strong handle. */
    int share(int h);

    /** {@code Rc::downgrade(&x)}: a new weak handle. */
    int downgrade(int h);

    /** {@code w.upgrade()}: a strong handle, or a null handle once the value is gone. */
    int upgrade(int weak);

    /** {@code x.clone()}: a deep copy of the object and of everything it owns. */
    int cloneDeep(int h);

    /** {@code v.reserve(..)}: reallocates the object with a tail of {@code length}; {@code h} refers to the new block. */
    void grow(int h, int length);

    /** {@code drop(x)} (Rust) and {@code free(x)} (C): both release here. */
    void drop(int h);

    /** The C programmer's {@code free(x)}, where Rust would wait for the scope end: only explicit managers act on it. */
    void free(int h);

    /** Moves {@code h} into the current scope (a call's argument); {@code h} is dead afterwards. */
    int move(int h);

    /** {@code return x}: ends the current scope and moves {@code h} into the enclosing one. */
    int ret(int h);

    // ---- the cheap forms, for hot function bodies ----

    /** Opens a scope (a function body) and returns its mark, for {@link #exit} or {@link #ret(int, int)}. */
    default int enter() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no scope marks: use scope()");
    }

    /** Ends the scope {@link #enter} opened, unless a {@link #ret(int, int)} has already ended it. */
    default void exit(int mark) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no scope marks: use scope()");
    }

    /** {@code return x} from the scope whose mark is {@code mark}: ends it and moves {@code h} into the enclosing one. */
    default int ret(int mark, int h) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no scope marks: use scope()");
    }

    /**
     * {@code x.next.as_ref()} in one call: a borrow of the child in {@code slot}, or
     * {@link Handles#NONE} (no handle made) if the slot is empty. Replaces {@link #isNull(int, int)}
     * followed by {@link #borrow(int, int)}.
     */
    default int child(int h, int slot) { return isNull(h, slot) ? Handles.NONE : borrow(h, slot); }

    // ---- for scenarios and tests ----

    /** Names the variable a handle stands for, so errors and tables can say {@code `years`}. */
    void name(int h, String name);

    /** The identity (allocation number, from 1) of the object {@code h} refers to. */
    int id(int h);

    /** Registers an allocation site (a source line or function), returning its number (from 1). */
    int defineSite(String where);

    /** Sets the allocation site recorded in objects allocated from now on (0 = none). */
    void site(int site);
}
