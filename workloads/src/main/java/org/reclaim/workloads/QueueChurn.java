package org.reclaim.workloads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.reclaim.runtime.Mutator;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;

/**
 * queue-churn: a bounded FIFO of messages ({@code VecDeque<Box<Message>>} as a ring) kept full
 * while {@code 10 * n} messages pass through it: each step pops the oldest message, reads it and
 * drops it, and pushes a new one of random length (1 to 8 payload words). Every message lives
 * exactly {@code n} steps: old enough to defeat a nursery, young enough to die.
 *
 * <p>Live heap (peak bytes in use under {@code manual}, seed 1; {@code lab list} prints it): tiny 6.9 KiB,
 * small 669.1 KiB, default 6.5 MiB, large 64.9 MiB (about 68 bytes per message plus its slot in the ring).
 *
 * <pre>{@code
 * struct Message { seq: i64, payload: Vec<i64> }
 * }</pre>
 */
public final class QueueChurn implements Workload {
    static final int SEQ = 0;

    @Override public String name() { return "queue-churn"; }

    @Override public String description() { return "a full FIFO of messages: each step drops the oldest and pushes a new one"; }

    @Override public Map<String, Integer> sizes() {
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("tiny", 100);
        s.put("small", 10_000);
        s.put("default", 100_000);
        s.put("large", 1_000_000);
        return s;
    }

    @Override public Map<String, Long> liveBytes() {
        return Map.of("tiny", 7104L, "small", 685144L, "default", 6817496L, "large", 68035568L);
    }

    @Override
    public long run(Mutator m, int n, long seed, Map<String, String> params) {
        int ringShape = m.shapes().defineSlotArray("VecDeque<Box<Message>>", SlotKind.OWNED, 0);
        int message = m.shapes().defineDataArray("Message", 1);
        SplittableRandom random = new SplittableRandom(seed);
        long checksum = 0;
        try (Scope main = m.scope()) {
            int ring = m.alloc(ringShape, n);
            for (int i = 0; i < n; i++) push(m, ring, i, message, i, random);
            for (long step = n; step < 11L * n; step++) {
                int slot = (int) (step % n);
                try (Scope s = m.scope()) {
                    int oldest = m.take(ring, slot);
                    checksum += m.read(oldest, SEQ) * 31 + m.read(oldest, 1) + m.length(oldest);
                    m.drop(oldest);
                }
                push(m, ring, slot, message, step, random);
            }
            m.drop(ring);
        }
        return checksum;
    }

    /** {@code queue.push_back(Box::new(Message { seq, payload }))} into the ring's free slot. */
    private static void push(Mutator m, int ring, int slot, int message, long seq, SplittableRandom random) {
        try (Scope s = m.scope()) {
            int length = 1 + random.nextInt(8);
            int msg = m.alloc(message, length);
            m.write(msg, SEQ, seq);
            for (int i = 1; i <= length; i++) m.write(msg, i, seq ^ i);
            m.put(ring, slot, msg);
        }
    }
}
