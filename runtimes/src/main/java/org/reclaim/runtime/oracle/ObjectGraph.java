package org.reclaim.runtime.oracle;

import java.util.BitSet;

/**
 * What the lifetime oracle's reachability walk reads of a running manager: the objects its heap
 * holds and those its roots still reach. The manager implements it, so that the oracle, a layer
 * below the manager, never names one.
 */
public interface ObjectGraph {
    /** The identities of every object the heap holds now. */
    BitSet allocatedIds();

    /**
     * The identities of the objects strongly reachable from the roots now (weak slots and handles
     * not followed); roots that point at freed blocks (a C program's dangling pointers) are not roots.
     */
    BitSet stronglyReachableIds();
}
