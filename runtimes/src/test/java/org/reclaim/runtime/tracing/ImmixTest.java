package org.reclaim.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.OutOfMemory;
import org.reclaim.runtime.Reachability;
import org.reclaim.runtime.Scope;
import org.reclaim.runtime.heap.SlotKind;
import org.reclaim.runtime.probe.Probe;
import org.reclaim.runtime.tracing.immix.Immix;

/**
 * Immix's own behaviour, exactly: where the trace marks lines, where the allocator bumps next,
 * overflow allocation, large objects, and evacuation that keeps every object's data. The
 * {@link CheckingProbe} checks survivors against the reachability walk after every collection.
 */
class ImmixTest {
    /** 256 KiB: 32 blocks of 1024 words, lines of 32 words. */
    static final long HEAP = 256 * 1024;

    private final CheckingProbe probe = new CheckingProbe();
    private final Immix m = (Immix) probe.create("immix", HEAP);
    /** One line exactly: header, one slot, 29 data words. */
    private final int line = m.shapes().define("Line", 29, SlotKind.OWNED);

    private int addr(int h) { return m.handles().addr(m.handles().index(h)); }

    private long counter(String name) { return m.counters().get(name); }

    /**
     * Allocates {@code n} one-line objects whose data words are {@code i} and {@code -i}, keeping
     * every {@code every}-th in a list (newest first); returns the list's head.
     */
    private int sparseList(int n, int every) {
        int head = -1;
        for (int i = 0; i < n; i++) {
            int x = m.alloc(line, 0);
            m.write(x, 0, i);
            m.write(x, 28, -i);
            if (i % every != 0) {
                m.drop(x);
                continue;
            }
            if (head != -1) m.put(x, 0, head);
            head = x;
        }
        return head;
    }

    /** Checks the list built by {@link #sparseList} object by object, newest first. */
    private void checkList(int head, int n, int every) {
        try (Scope s = m.scope()) {
            int cur = m.borrow(head);
            int i = (n - 1) / every * every;
            do {
                assertThat(m.read(cur, 0)).isEqualTo(i);
                assertThat(m.read(cur, 28)).isEqualTo(-i);
                i -= every;
            } while (m.advance(cur, 0));
            assertThat(i).isEqualTo(-every);
        }
    }

    @Test
    void theGeometryIsTheLiteraturesInAHeapOfThirtyTwoBlocksAndShrinksBelow() {
        assertThat(m.blockWords()).isEqualTo(1024);
        assertThat(m.lineWords()).isEqualTo(32);
        Immix big = new Immix(1 << 20, Probe.OFF);
        assertThat(big.blockWords()).as("32 KiB blocks").isEqualTo(4096);
        assertThat(big.lineWords()).as("256-byte lines").isEqualTo(32);
        Immix small = new Immix(16 * 1024, Probe.OFF);
        assertThat(small.blockWords()).isEqualTo(64);
        assertThat(small.lineWords()).isEqualTo(8);
    }

    @Test
    void aSmallObjectMarksItsFirstLineAndAMediumOneEveryLineButItsLast() {
        int medium = m.shapes().define("Medium", 110);
        try (Scope s = m.scope()) {
            int a = m.alloc(line, 0);            // words 1..32: lines 0 and 1
            int b = m.alloc(medium, 0);          // words 33..144: lines 1 to 4
            assertThat(addr(a)).isEqualTo(1);
            assertThat(addr(b)).isEqualTo(33);
            m.collect();
            assertThat(counter("immix.lines.marked")).as("line 0 (small), lines 1, 2, 3 (medium)").isEqualTo(4);
            // line 4 holds b's tail but is unmarked: conservatively used; the first hole is line 5
            int c = m.alloc(line, 0);
            assertThat(addr(c)).isEqualTo(5 * 32);
            assertThat(counter("immix.blocks.recycled")).isEqualTo(1);
        }
    }

    @Test
    void recyclableBlocksAreFilledBeforeAnyFreeBlockAndTheSurvivorsAreUntouched() {
        try (Scope s = m.scope()) {
            int head = sparseList(400, 8);
            m.collect();
            assertThat(counter("objects.marked")).isEqualTo(50);
            assertThat(counter("immix.lines.marked")).as("one line per one-line survivor").isEqualTo(50);
            BitSet blocks = new BitSet();
            new Reachability(m).reachable(true).stream().forEach(a -> blocks.set(a / m.blockWords()));
            int free = m.freeBlocks();
            assertThat(free).isEqualTo(32 - blocks.cardinality());
            try (Scope garbage = m.scope()) {
                while (m.freeBlocks() == free) m.drop(m.alloc(line, 0));
            }
            assertThat(counter("immix.blocks.recycled")).as("every recyclable block, before the first free one")
                    .isEqualTo(blocks.cardinality());
            assertThat(probe.collections()).isEqualTo(1);
            checkList(head, 400, 8);
        }
    }

    @Test
    void aMediumObjectThatMissesTheCurrentHoleGoesToTheOverflowBlock() {
        int medium = m.shapes().define("Medium", 98);
        try (Scope s = m.scope()) {
            for (int i = 0; i < 30; i++) m.alloc(line, 0);             // block 0: words 1..960
            int big = m.alloc(medium, 0);                              // 100 words, 63 left in the hole
            assertThat(addr(big)).as("the overflow block: block 1").isEqualTo(1024);
            assertThat(counter("immix.overflow.allocations")).isEqualTo(1);
            assertThat(addr(m.alloc(line, 0))).as("small objects go on filling the hole").isEqualTo(961);
            assertThat(addr(m.alloc(medium, 0))).isEqualTo(1124);
        }
    }

    @Test
    void aLargeObjectTakesWholeBlocksAndGivesThemBackWhenItDies() {
        int bytes = m.shapes().defineDataArray("Vec<i64>", 0);
        try (Scope s = m.scope()) {
            try (Scope inner = m.scope()) {
                int v = m.alloc(bytes, 2000);
                assertThat(addr(v)).isEqualTo(1);
                assertThat(m.freeBlocks()).isEqualTo(30);
                assertThat(counter("immix.large.allocations")).isEqualTo(1);
                m.collect();
                assertThat(m.freeBlocks()).isEqualTo(30);
            }
            m.collect();
            assertThat(m.freeBlocks()).isEqualTo(32);
            assertThat(m.objectsFreed()).isEqualTo(1);
        }
    }

    @Test
    void aCollectionThatFindsRecyclableBlocksUnusedEvacuatesThemAndKeepsTheData() {
        try (Scope s = m.scope()) {
            int head = sparseList(400, 8);
            m.collect();
            assertThat(counter("immix.defrag.collections")).isZero();
            m.collect();                         // the allocator left every recyclable block unused
            assertThat(counter("immix.defrag.collections")).isEqualTo(1);
            assertThat(counter("immix.objects.evacuated")).isEqualTo(50);
            assertThat(counter("immix.words.evacuated")).isEqualTo(50 * 32);
            assertThat(m.freeBlocks()).as("50 one-line survivors packed into two blocks").isEqualTo(30);
            assertThat(m.inUseBytes()).isEqualTo(50 * 32 * 8);
            checkList(head, 400, 8);
        }
    }

    @Test
    void whenNoHoleFitsAMediumObjectAnEmergencyCollectionEvacuatesIntoTheHeadroom() {
        int medium = m.shapes().define("Medium", 398);
        try (Scope s = m.scope()) {
            int head = sparseList(991, 8);      // blocks 0 to 30 full; block 31 is the headroom
            assertThat(m.freeBlocks()).isEqualTo(1);
            m.collect();                         // every block recyclable, with holes of 6 lines
            int big = m.alloc(medium, 0);        // 400 words: no hole is that large, no free block
            assertThat(probe.collections()).as("the explicit one, the failed one, the emergency one").isEqualTo(3);
            assertThat(counter("immix.defrag.collections")).isEqualTo(1);
            assertThat(counter("immix.objects.evacuated")).as("four blocks of four survivors fit the headroom")
                    .isEqualTo(16);
            assertThat(m.heap().sizeOf(addr(big))).isEqualTo(400);
            checkList(head, 991, 8);
        }
    }

    @Test
    void aHeapFullOfLiveObjectsEndsInOutOfMemoryAfterAnEmergencyCollection() {
        try (Scope s = m.scope()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sparseList(100_000, 1)).isInstanceOf(OutOfMemory.class);
        }
        assertThat(probe.collections()).isEqualTo(2);
        assertThat(m.objectsFreed()).isZero();
    }

    /**
     * Random programs under Immix alone, in heaps small enough that collections find recyclable
     * blocks unused and defragment: survivors are the reachable objects after every collection,
     * and every object keeps its children and data words however often it moved.
     */
    @Property(tries = 150)
    void randomProgramsKeepExactlyTheReachableObjectsAndTheirContents(
            @ForAll @IntRange(min = 2, max = 24) int heapKb,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 1 << 20) Integer> script) {
        CheckingProbe checking = new CheckingProbe();
        TracingCollector immix = checking.create("immix", heapKb * 1024L);
        TracingPropertiesTest.Program p = new TracingPropertiesTest.Program(immix);
        checking.alsoCheck = p::checkModel;
        try {
            p.run(script);
        } catch (OutOfMemory e) {
            assertThat(e.heapBytes()).isEqualTo(immix.heap().bytes());
        }
    }
}
