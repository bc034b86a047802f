package org.reclaim.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.RunRecord;
import org.reclaim.workloads.run.Runner;

/** The real JVM as a manager: out of memory is a result, a missing collector one clear error. */
class JvmRunnerTest {
    @Test
    void aHeapTooSmallForTheWorkloadIsStatusOom() throws Exception {
        // binary-trees large keeps a tree of 2^22 nodes alive: far more than 16 MB of Java objects
        Runner.Request r = new Runner.Request("binary-trees", "large", "jvm:serial", 16L << 20, 1, Map.of(), 4096);
        RunRecord record = JvmRunner.run(r, 0, null).record();
        assertThat(record.status()).isEqualTo(RunRecord.OOM);
        assertThat(record.message()).contains("OutOfMemoryError");
        assertThat(record.pauseCount()).isPositive();
    }

    @Test
    void aCollectorThisJdkDoesNotHaveIsReportedAsNotAvailable() {
        JvmManagers.Info missing = new JvmManagers.Info("jvm:foo", "-XX:+UseFooGC", "a collector no JDK has");
        Runner.Request r = new Runner.Request("binary-trees", "tiny", "jvm:foo", 16L << 20, 1, Map.of(), 4096);
        assertThatThrownBy(() -> JvmRunner.run(r, missing, 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("jvm:foo: Foo is not available in this JDK");
    }

    @Test
    void aHeapTooSmallForTheJvmItselfSaysWhatTheJvmSaid() {
        Runner.Request r = new Runner.Request("binary-trees", "tiny", "jvm:serial", 1L << 20, 1, Map.of(), 4096);
        assertThatThrownBy(() -> JvmRunner.run(r, 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jvm:serial: the forked JVM (heap 1m) exited with status 1")
                .hasMessageContaining("Too small");
    }
}
