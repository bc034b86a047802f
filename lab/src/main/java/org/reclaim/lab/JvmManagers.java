package org.reclaim.lab;

import java.util.List;
import java.util.Locale;
import org.reclaim.runtime.NearestNames;

/**
 * The real JVM's collectors as managers ({@code jvm:serial} ... {@code jvm:shenandoah}): the
 * workload runs on {@link org.reclaim.runtime.jvm.JavaHeap} in a forked JVM with the collector's
 * flag. Not in {@link org.reclaim.runtime.catalog.Managers}, which holds the simulated managers only.
 */
public final class JvmManagers {
    private JvmManagers() {}

    /** The prefix of every real-JVM manager name. */
    public static final String PREFIX = "jvm:";

    /**
     * One collector.
     *
     * @param name        what {@code --manager} takes
     * @param flag        the JVM option that selects it
     * @param description one line for {@code lab list}
     */
    public record Info(String name, String flag, String description) {
        /** The collector's own name, as the JVM's messages write it ({@code Shenandoah}). */
        String collector() {
            String c = flag.substring("-XX:+Use".length(), flag.length() - "GC".length());
            return c.equals("Z") ? "ZGC" : c;
        }
    }

    private static final List<Info> ALL = List.of(
            new Info("jvm:serial", "-XX:+UseSerialGC", "the JVM's Serial collector: stop-the-world, single-threaded, generational"),
            new Info("jvm:parallel", "-XX:+UseParallelGC", "the JVM's Parallel collector: stop-the-world, multi-threaded, generational"),
            new Info("jvm:g1", "-XX:+UseG1GC", "the JVM's G1: regions, concurrent marking, pause-time goal"),
            new Info("jvm:zgc", "-XX:+UseZGC", "the JVM's ZGC: concurrent, generational, colored pointers"),
            new Info("jvm:shenandoah", "-XX:+UseShenandoahGC", "the JVM's Shenandoah: concurrent evacuation (where the JDK build has it)"));

    /** Every real-JVM manager, in the order {@code lab list} prints them. */
    public static List<Info> all() { return ALL; }

    public static List<String> names() { return ALL.stream().map(Info::name).toList(); }

    /** True if {@code name} asks for the real JVM ({@code jvm:...}), valid or not. */
    public static boolean isJvm(String name) { return name.toLowerCase(Locale.ROOT).startsWith(PREFIX); }

    /**
     * The collector named {@code name}.
     *
     * @throws IllegalArgumentException naming the nearest valid names if there is none
     */
    public static Info find(String name) {
        for (Info i : ALL) if (i.name().equals(name)) return i;
        throw new IllegalArgumentException(NearestNames.unknown("manager", name, names()));
    }
}
