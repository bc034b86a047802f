package org.reclaim.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The unit costs of the cost model ({@code cost-weights.csv}): each benchmark times one unit of
 * memory-management work done for real, not through the simulator (which would measure the
 * simulator again). A heap of {@code heapBytes} (a plain {@code long[]}, 4 MiB by default: the
 * size of the small workloads' heaps) holds objects of {@value #OBJECT_WORDS} words, the size of a
 * binary-trees node; operations that visit objects visit them in a shuffled order, as a trace or
 * a count change does, and sequential ones (scanning, sweeping, initialising) walk the heap in
 * address order. Each invocation does {@value #BATCH} units, so the score is nanoseconds per unit.
 *
 * <p>{@code malloc} and {@code free} are glibc's, called through the FFM API (looked up
 * reflectively: the project compiles for Java 21, where the API is a preview, and runs on 22+).
 *
 * <pre>
 * scripts/bench --calibrate      # runs this class and rewrites the weights file
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class Calibration {
    /** Units of work per invocation. */
    static final int BATCH = 1024;
    /** Words per object: a two-word header and two reference slots. */
    static final int OBJECT_WORDS = 4;
    private static final long MARK = 1L << 40, LOGGED = 1L << 41, COUNT_ONE = 1L << 16;
    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);

    /** The heap's size in bytes. */
    @Param({"4194304"})
    public int heapBytes;

    private long[] heap;
    private long[] toSpace;
    /** Object addresses (word indices) in a shuffled order. */
    private int[] shuffled;
    private int next, scanCursor, toCursor, bumpCursor, bumpLimit, freeHead, stackTop;
    private long markState = MARK;
    private int[] stack;
    private int[] buffer;
    private int buffered;

    @Setup(Level.Trial)
    public void setUp() {
        int words = heapBytes / Long.BYTES, objects = words / OBJECT_WORDS;
        heap = new long[words];
        toSpace = new long[words];
        shuffled = new int[objects];
        for (int i = 0; i < objects; i++) {
            shuffled[i] = i * OBJECT_WORDS;
            heap[i * OBJECT_WORDS] = OBJECT_WORDS;                          // header: the size
        }
        Random random = new Random(42);
        for (int i = objects - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        for (int i = 0; i < objects; i++) heap[shuffled[i] + 2] = shuffled[(i + 1) % objects];  // a reference slot
        stack = new int[BATCH];
        buffer = new int[BATCH];
        bumpLimit = words - OBJECT_WORDS;
    }

    /** The next object address in the shuffled order; a full pass flips the mark state (MMTk's trick, so marks need no clearing). */
    private int nextObject() {
        int a = shuffled[next];
        if (++next == shuffled.length) {
            next = 0;
            markState ^= MARK;
        }
        return a;
    }

    /** {@code alloc.bump}, {@code objects.copied}' to-space allocation: a cursor bumped and checked against its limit. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bumpAllocate(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            int a = bumpCursor;
            bumpCursor += OBJECT_WORDS;
            if (bumpCursor > bumpLimit) bumpCursor = 0;
            bh.consume(a);
        }
    }

    /** {@code objects.copied}: to-space allocation and the forwarding address stored in the old header. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void forwardObject() {
        for (int i = 0; i < BATCH; i++) {
            int from = nextObject(), to = toCursor;
            toCursor += OBJECT_WORDS;
            if (toCursor > bumpLimit) toCursor = 0;
            heap[from + 1] = to;
        }
    }

    /** {@code words.allocated}: the program's initialising store of each word it allocates, in address order. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void storeWord() {
        int c = scanCursor;
        if (c + BATCH > toSpace.length) c = 0;
        for (int i = 0; i < BATCH; i++) toSpace[c + i] = i;
        scanCursor = c + BATCH;
    }

    /** {@code objects.marked}: the mark bit tested and set in a header, the object pushed on the work list and popped again. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int markTestAndSet() {
        for (int i = 0; i < BATCH; i++) {
            int a = nextObject();
            long h = heap[a];
            if ((h & MARK) != markState) {
                heap[a] = (h & ~MARK) | markState;
                stack[stackTop++] = a;
            }
        }
        int sum = 0;
        while (stackTop > 0) sum += stack[--stackTop];
        return sum;
    }

    /** {@code words.scanned}, {@code words.freed}: one word read and tested for a reference, in address order. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int scanWord() {
        int c = scanCursor, found = 0;
        if (c + BATCH > heap.length) c = 0;
        for (int i = 0; i < BATCH; i++) if (heap[c + i] != 0) found++;
        scanCursor = c + BATCH;
        return found;
    }

    /** {@code words.copied}, {@code words.moved}: an object's words copied to a new place, per word. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void copyWords() {
        for (int i = 0; i < BATCH / OBJECT_WORDS; i++) {
            int from = nextObject();
            System.arraycopy(heap, from, toSpace, toCursor, OBJECT_WORDS);
            toCursor += OBJECT_WORDS;
            if (toCursor > bumpLimit) toCursor = 0;
        }
    }

    /** {@code blocks.swept}: a sweep's visit of one block in address order: header read, mark tested and cleared, size added. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sweepBlock() {
        int a = scanCursor;
        for (int i = 0; i < BATCH; i++) {
            if (a >= heap.length) a = 0;
            long h = heap[a];
            if ((h & MARK) != 0) heap[a] = h & ~MARK;
            a += (int) (h & 0xffff);
        }
        scanCursor = a;
    }

    /** {@code objects.swept}: a dead object's block linked onto its size class's free list. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void freeListPush() {
        for (int i = 0; i < BATCH; i++) {
            int a = nextObject();
            heap[a + 1] = freeHead;
            freeHead = a;
        }
    }

    /** {@code references.updated}: a slot rewritten with the forwarding address read from its target's header. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void updateReference() {
        for (int i = 0; i < BATCH; i++) {
            int a = nextObject();
            int target = (int) heap[a + 2];
            heap[a + 2] = heap[target + 1];
        }
    }

    /** {@code counts.increments}, {@code counts.decrements}: a plain count change in a header (Rust's {@code Rc}). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainIncrement() {
        for (int i = 0; i < BATCH; i++) heap[nextObject() + 1] += COUNT_ONE;
    }

    /** The atomic count changes ({@code Arc}): a locked add in a header. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void atomicIncrement() {
        for (int i = 0; i < BATCH; i++) WORDS.getAndAdd(heap, nextObject() + 1, COUNT_ONE);
    }

    /** {@code barrier.hits}, {@code zct.entries}, {@code cycle.candidates}: a header's log bit tested and set and the object appended to a buffer. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rememberObject() {
        for (int i = 0; i < BATCH; i++) {
            int a = nextObject();
            long h = heap[a];
            if ((h & LOGGED) == 0) {
                heap[a] = h | LOGGED;
                buffer[buffered++ & (BATCH - 1)] = a;
            } else {
                heap[a] = h & ~LOGGED;
            }
        }
    }

    /** glibc's allocator through the FFM API, with the block size of one object. */
    @State(Scope.Thread)
    public static class Native {
        final long[] blocks = new long[BATCH];
        MethodHandle malloc, free;

        @Setup(Level.Trial)
        public void link() throws ReflectiveOperationException {
            malloc = NativeAllocator.downcall("malloc", true);
            free = NativeAllocator.downcall("free", false);
        }
    }

    /** Blocks to free, allocated before each invocation. */
    @State(Scope.Thread)
    public static class Allocated extends Native {
        @Setup(Level.Invocation)
        public void allocate() throws Throwable {
            for (int i = 0; i < BATCH; i++) blocks[i] = (long) malloc.invokeExact((long) OBJECT_WORDS * Long.BYTES);
        }
    }

    /** Blocks allocated by an invocation, freed after it. */
    @State(Scope.Thread)
    public static class ToFree extends Native {
        @TearDown(Level.Invocation)
        public void release() throws Throwable {
            for (int i = 0; i < BATCH; i++) free.invokeExact(blocks[i]);
        }
    }

    /** {@code alloc.free-list}, {@code objects.promoted}: glibc {@code malloc} of one object's bytes. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void malloc(ToFree n) throws Throwable {
        for (int i = 0; i < BATCH; i++) n.blocks[i] = (long) n.malloc.invokeExact((long) OBJECT_WORDS * Long.BYTES);
    }

    /** {@code objects.freed}: glibc {@code free} of one object's block. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void free(Allocated n) throws Throwable {
        for (int i = 0; i < BATCH; i++) n.free.invokeExact(n.blocks[i]);
    }
}
