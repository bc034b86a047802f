package org.reclaim.runtime.heap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shapes a run uses, numbered in registration order. Workloads register their shapes before
 * they allocate; the shape id is what an object header stores.
 */
public final class Shapes {
    private final List<Shape> shapes = new ArrayList<>();
    private Shape[] byId = new Shape[0];
    // the geometry of each shape by id, in arrays the managers' inner loops read
    private int[] fixedSlots = new int[0];
    private int[] fixedData = new int[0];
    /** Header, fixed slots and fixed data words: an allocation without a tail reads only this. */
    private int[] fixedWords = new int[0];
    private boolean[] slotTail = new boolean[0];
    private boolean[] tailless = new boolean[0];
    private SlotKind[][] kinds = new SlotKind[0][];
    /** True for a shape with a weak slot (fixed or in its tail): the others' slot kinds need no lookup for a borrow. */
    private boolean[] weakSlots = new boolean[0];

    /** Registers a shape with fixed slots and data words only. Returns its id. */
    public int define(String name, int dataWords, SlotKind... slots) {
        return add(name, Arrays.asList(slots), dataWords, Shape.Tail.NONE, null);
    }

    /** Registers a {@code Vec}-like shape whose tail holds {@code elementKind} slots. */
    public int defineSlotArray(String name, SlotKind elementKind, int dataWords, SlotKind... fixedSlots) {
        return add(name, Arrays.asList(fixedSlots), dataWords, Shape.Tail.SLOTS, elementKind);
    }

    /** Registers a {@code Vec<i64>}-like shape whose tail holds data words. */
    public int defineDataArray(String name, int dataWords, SlotKind... fixedSlots) {
        return add(name, Arrays.asList(fixedSlots), dataWords, Shape.Tail.DATA, null);
    }

    private int add(String name, List<SlotKind> slots, int dataWords, Shape.Tail tail, SlotKind tailKind) {
        if (shapes.size() > ObjectLayout.MAX_SHAPE)
            throw new IllegalStateException("too many shapes (at most " + (ObjectLayout.MAX_SHAPE + 1) + ")");
        for (Shape s : shapes)
            if (s.name().equals(name)) throw new IllegalArgumentException("shape " + name + " is defined twice");
        Shape shape = new Shape(shapes.size(), name, slots, dataWords, tail, tailKind);
        shapes.add(shape);
        byId = shapes.toArray(new Shape[0]);
        int n = byId.length;
        fixedSlots = java.util.Arrays.copyOf(fixedSlots, n);
        fixedData = java.util.Arrays.copyOf(fixedData, n);
        fixedWords = java.util.Arrays.copyOf(fixedWords, n);
        slotTail = java.util.Arrays.copyOf(slotTail, n);
        tailless = java.util.Arrays.copyOf(tailless, n);
        tailless[n - 1] = tail == Shape.Tail.NONE;
        kinds = java.util.Arrays.copyOf(kinds, n);
        weakSlots = java.util.Arrays.copyOf(weakSlots, n);
        weakSlots[n - 1] = slots.contains(SlotKind.WEAK) || (tail == Shape.Tail.SLOTS && tailKind == SlotKind.WEAK);
        fixedSlots[n - 1] = shape.fixedSlots();
        fixedData[n - 1] = shape.dataWords();
        fixedWords[n - 1] = ObjectLayout.HEADER_WORDS + shape.fixedSlots() + shape.dataWords();
        slotTail[n - 1] = tail == Shape.Tail.SLOTS;
        SlotKind[] k = slots.toArray(new SlotKind[0]);
        kinds[n - 1] = k;
        return shape.id();
    }

    /** The shape with id {@code id}. */
    public Shape get(int id) { return byId[id]; }

    /**
     * Reference slots of an object of shape {@code id} whose block is {@code sizeWords}: the fast
     * form of {@link Shape#slots(int)} for the managers' inner loops.
     */
    public int slotsOf(int id, int sizeWords) {
        int fixed = fixedSlots[id];
        return slotTail[id] ? sizeWords - ObjectLayout.HEADER_WORDS - fixedData[id] : fixed;
    }

    /** The kind of slot {@code slot} of shape {@code id} (tail slots included): the fast form of {@link Shape#slotKind(int)}. */
    public SlotKind slotKind(int id, int slot) {
        SlotKind[] k = kinds[id];
        return slot < k.length ? k[slot] : byId[id].tailKind();
    }

    /** True if a shape {@code id} object has a {@link SlotKind#WEAK} slot anywhere. */
    public boolean hasWeakSlots(int id) { return weakSlots[id]; }

    /**
     * Words of an object of shape {@code id} with a tail of {@code length}, or -1 if the shape has no
     * tail and {@code length} is not 0: the fast form of {@link ObjectLayout#words}.
     */
    public long wordsOf(int id, int length) {
        if (length != 0 && tailless[id]) return -1;
        return (long) fixedWords[id] + length;
    }

    /** The number of registered shapes. */
    public int size() { return byId.length; }

    /** The shape named {@code name}, or -1. */
    public int idOf(String name) {
        for (Shape s : byId) if (s.name().equals(name)) return s.id();
        return -1;
    }
}
