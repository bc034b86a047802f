package org.reclaim.runtime;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** What ran and how it ended, as a JFR event: the header of a run's recording. */
@Name(RunInfoEvent.NAME)
@Label("Reclaim Run")
@Category("Reclaim")
@Description("One run of one workload under one memory manager")
@StackTrace(false)
public final class RunInfoEvent extends Event {
    /** The event type's name. */
    public static final String NAME = "reclaim.RunInfo";

    @Label("Workload") String workload;
    @Label("Size") String size;
    @Label("Manager") String manager;
    @Label("Heap") @DataAmount(DataAmount.BYTES) long heapBytes;
    @Label("Seed") long seed;
    @Label("Status") String status;
    @Label("Checksum") long checksum;
    @Label("Wall Time") @Timespan(Timespan.NANOSECONDS) long wallTime;
    @Label("Pauses") long pauseCount;
    @Label("Total Pause Time") @Timespan(Timespan.NANOSECONDS) long pauseTotal;
    @Label("Longest Pause") @Timespan(Timespan.NANOSECONDS) long pauseMax;
    @Label("Bytes Allocated") @DataAmount(DataAmount.BYTES) long bytesAllocated;

    /**
     * A run's event, begun now: call before the workload starts, so the event's own start and
     * duration are the run's span.
     */
    public static RunInfoEvent begun() {
        RunInfoEvent e = new RunInfoEvent();
        e.begin();
        return e;
    }

    /** Ends the event now and commits it with the finished run's record, if a recording wants it. */
    public void finish(RunRecord r) {
        end();
        if (!shouldCommit()) return;
        workload = r.workload();
        size = r.size();
        manager = r.manager();
        heapBytes = r.heapBytes();
        seed = r.seed();
        status = r.status();
        checksum = r.checksum();
        wallTime = r.wallNanos();
        pauseCount = r.pauseCount();
        pauseTotal = r.pauseTotalNanos();
        pauseMax = r.pauseMaxNanos();
        bytesAllocated = r.bytesAllocated();
        commit();
    }
}
