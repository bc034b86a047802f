package org.reclaim.runtime.probe;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One footprint sample as a JFR event: what {@link Probe#footprint} records. */
@Name(FootprintEvent.NAME)
@Label("Reclaim Footprint")
@Category({"Reclaim", "Footprint"})
@Description("Simulated heap bytes in use, sampled on the allocation clock")
@StackTrace(false)
public final class FootprintEvent extends Event {
    /** The event type's name. */
    public static final String NAME = "reclaim.Footprint";

    @Label("Allocated") @Description("bytes allocated so far: the allocation clock") @DataAmount(DataAmount.BYTES)
    long allocated;

    @Label("In Use") @DataAmount(DataAmount.BYTES)
    long inUse;

    /** Commits one sample if a recording wants it. */
    static void emit(long allocatedBytes, long inUseBytes) {
        FootprintEvent e = new FootprintEvent();
        if (!e.shouldCommit()) return;
        e.allocated = allocatedBytes;
        e.inUse = inUseBytes;
        e.commit();
    }
}
