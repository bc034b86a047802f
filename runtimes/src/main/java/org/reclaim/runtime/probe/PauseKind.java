package org.reclaim.runtime.probe;

/** What kind of memory-management work a pause was: the mutator waited for it. */
public enum PauseKind {
    /** A whole-heap collection of a non-generational tracing collector. */
    COLLECTION,
    /** A nursery collection. */
    MINOR,
    /** A whole-heap collection of a generational collector. */
    FULL,
    /** A reference-count decrement cascade that freed at least one object. */
    CASCADE,
    /** Reconciliation of a deferred counter's zero-count table against the roots. */
    RECONCILE,
    /** A cycle collection (trial deletion). */
    CYCLE_COLLECTION,
    /** Drop glue run at a scope end or {@code drop} (ownership). */
    DROP_GLUE,
    /** A recursive free (manual). */
    FREE
}
