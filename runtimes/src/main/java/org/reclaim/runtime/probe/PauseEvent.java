package org.reclaim.runtime.probe;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One simulated pause as a JFR event: what {@link Probe#pause} records, so a run's recording
 * shows it in JDK Mission Control. The event is committed when the pause has ended: its own
 * timestamp is the pause's end, and {@link #pauseDuration} its length.
 */
@Name(PauseEvent.NAME)
@Label("Reclaim Pause")
@Category({"Reclaim", "Pauses"})
@Description("A stretch of simulated memory-management work the mutator waited for")
@StackTrace(false)
public final class PauseEvent extends Event {
    /** The event type's name. */
    public static final String NAME = "reclaim.Pause";

    @Label("Kind") @Description("collection, minor, full, cascade, reconcile, cycle-collection, drop-glue or free")
    String kind;

    @Label("Pause Duration") @Timespan(Timespan.NANOSECONDS)
    long pauseDuration;

    @Label("Objects") @Description("objects the pause processed")
    long objects;

    @Label("Words") @Description("words the pause processed")
    long words;

    @Label("In Use Before") @DataAmount(DataAmount.BYTES)
    long inUseBefore;

    @Label("In Use After") @DataAmount(DataAmount.BYTES)
    long inUseAfter;

    /** Commits one pause if a recording wants it. */
    static void emit(PauseKind kind, long durationNanos, long objects, long words, long inUseBefore, long inUseAfter) {
        PauseEvent e = new PauseEvent();
        if (!e.shouldCommit()) return;
        e.kind = kind.name();
        e.pauseDuration = durationNanos;
        e.objects = objects;
        e.words = words;
        e.inUseBefore = inUseBefore;
        e.inUseAfter = inUseAfter;
        e.commit();
    }
}
