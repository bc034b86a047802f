package org.reclaim.runtime;

/**
 * A manager that can be asked to collect now: a tracing collector runs a full collection, so that
 * {@code lab explain --collect-every-line} shows the earliest point at which it could free each
 * object. Managers that free without collecting do not implement it.
 */
public interface ForcedCollection {
    /** Runs a full collection now, freeing everything unreachable (and reporting it as usual). */
    void collect();
}
