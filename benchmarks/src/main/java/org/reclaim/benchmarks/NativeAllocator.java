package org.reclaim.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Downcall handles to the C library's {@code malloc} and {@code free} through the FFM API
 * ({@code java.lang.foreign}, final in Java 22), reached by reflection because the project compiles
 * for Java 21, where that API is a preview. Pointers travel as {@code long}s (the x86-64 and AArch64
 * calling conventions pass them like one), so the handles' types are {@code (long)long} and
 * {@code (long)void}: {@code invokeExact} needs no preview type.
 */
final class NativeAllocator {
    private NativeAllocator() {}

    /**
     * The downcall handle of the C library's {@code name}: {@code long name(long)} when
     * {@code returnsPointer}, else {@code void name(long)}.
     *
     * @throws UnsupportedOperationException on a JDK older than 22
     */
    static MethodHandle downcall(String name, boolean returnsPointer) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 22)
            throw new UnsupportedOperationException("calling glibc through the FFM API needs JDK 22 or newer, this is " + Runtime.version());
        Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
        Object jLong = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_LONG").get(null);
        Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class).invoke(lookup, name);
        Object address = symbol.orElseThrow(() -> new IllegalStateException("the C library has no " + name));
        Object oneLong = Array.newInstance(layoutClass, 1);
        Array.set(oneLong, 0, jLong);
        Object descriptor = returnsPointer
                ? descriptorClass.getMethod("of", layoutClass, oneLong.getClass()).invoke(null, jLong, oneLong)
                : descriptorClass.getMethod("ofVoid", oneLong.getClass()).invoke(null, oneLong);
        Method downcall = linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass, Array.newInstance(optionClass, 0).getClass());
        return (MethodHandle) downcall.invoke(linker, address, descriptor, Array.newInstance(optionClass, 0));
    }
}
