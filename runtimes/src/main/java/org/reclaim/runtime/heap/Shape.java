package org.reclaim.runtime.heap;

import java.util.List;

/**
 * The layout of a family of objects: its fixed reference slots (each with a {@link SlotKind}),
 * its fixed data words, and optionally a variable-length tail of either slots or data words (a
 * {@code Vec}'s elements). The tail's length is chosen at allocation.
 *
 * <p>An object of this shape is laid out as {@code header, slots..., data...}; see
 * {@link ObjectLayout}.
 *
 * @param id        index of the shape in its {@link Shapes} registry
 * @param name      a Rust-like type name, for example {@code "Node"} or {@code "Vec<i64>"}
 * @param slotKinds the kinds of the fixed slots, in order
 * @param dataWords the number of fixed data words
 * @param tail      what the variable-length tail holds
 * @param tailKind  the kind of each tail slot when {@code tail == Tail.SLOTS}, else {@code null}
 */
public record Shape(int id, String name, List<SlotKind> slotKinds, int dataWords, Tail tail, SlotKind tailKind) {

    /** What the variable part of an object holds. */
    public enum Tail { NONE, SLOTS, DATA }

    public Shape {
        slotKinds = List.copyOf(slotKinds);
        if (dataWords < 0) throw new IllegalArgumentException("shape " + name + ": negative data words");
        if ((tail == Tail.SLOTS) != (tailKind != null))
            throw new IllegalArgumentException("shape " + name + ": a slot tail needs a slot kind, and only it");
    }

    /** The number of fixed reference slots. */
    public int fixedSlots() { return slotKinds.size(); }

    /** The kind of slot {@code i} of an object of this shape (tail slots included). */
    public SlotKind slotKind(int i) { return i < slotKinds.size() ? slotKinds.get(i) : tailKind; }

    /** Reference slots of an object whose tail has {@code length} elements. */
    public int slots(int length) { return fixedSlots() + (tail == Tail.SLOTS ? length : 0); }

    /** Data words of an object whose tail has {@code length} elements. */
    public int data(int length) { return dataWords + (tail == Tail.DATA ? length : 0); }

    @Override public String toString() { return name; }
}
