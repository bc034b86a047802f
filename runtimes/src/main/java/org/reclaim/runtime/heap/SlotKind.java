package org.reclaim.runtime.heap;

/**
 * The kind of a reference slot, following Rust's field types. Each memory manager gives each kind
 * its own meaning (docs/architecture.md, "The contract per family").
 */
public enum SlotKind {
    /** {@code Box<T>}, {@code Option<Box<T>>}, a {@code Vec}'s elements: the parent owns the child. */
    OWNED,
    /** {@code Rc<T>}: counted shared ownership. */
    SHARED,
    /** {@code Weak<T>}: a non-owning back pointer. Tracing treats it as strong; counting does not count it. */
    WEAK
}
