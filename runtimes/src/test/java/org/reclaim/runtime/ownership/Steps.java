package org.reclaim.runtime.ownership;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.runtime.MemoryManager;

/**
 * The step a test's program is at (its Rust line), and the step at which each object was freed,
 * read from the manager's free listener. Records every free, so a second free of one object shows.
 */
final class Steps {
    private String step = "(before the program)";
    private final Map<Integer, String> freedAt = new HashMap<>();
    private final List<Integer> order = new ArrayList<>();
    private final List<Integer> freedTwice = new ArrayList<>();

    Steps(MemoryManager m) {
        m.onFree(id -> {
            order.add(id);
            if (freedAt.putIfAbsent(id, step) != null) freedTwice.add(id);
        });
    }

    /** The program is now at {@code rustLine}. */
    void at(String rustLine) { step = rustLine; }

    /** The step now. */
    String now() { return step; }

    /** The step at which object {@code id} was freed, or null if it was not. */
    String freedAt(int id) { return freedAt.get(id); }

    /** Identities in the order they were freed. */
    List<Integer> order() { return order; }

    /** Objects freed more than once (empty in every correct run). */
    List<Integer> freedTwice() { return freedTwice; }
}
