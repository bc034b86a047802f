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
        return shape.id();
    }

    /** The shape with id {@code id}. */
    public Shape get(int id) { return byId[id]; }

    /** The number of registered shapes. */
    public int size() { return byId.length; }

    /** The shape named {@code name}, or -1. */
    public int idOf(String name) {
        for (Shape s : byId) if (s.name().equals(name)) return s.id();
        return -1;
    }
}
