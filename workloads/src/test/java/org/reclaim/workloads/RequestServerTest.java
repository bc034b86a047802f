package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;

/** request-server keeps every request's start and end for the latency histogram. */
class RequestServerTest {

    @Test
    void recordsAStartAndAnEndForEveryRequestAtTheIntendedInterval() {
        Runner.run(new Runner.Request("request-server", "tiny", "manual", 1 << 22, 1, Map.of("rate", "50000"), 1 << 20));
        LatencyRecording.Latencies l = ((LatencyRecording) Workloads.find("request-server")).latencies();
        assertThat(l.count()).isEqualTo(200);
        assertThat(l.intervalNanos()).isEqualTo(20_000);
        for (int i = 0; i < l.count(); i++) {
            assertThat(l.startNanos()[i]).isGreaterThanOrEqualTo(l.intendedNanos(i));
            assertThat(l.endNanos()[i]).isGreaterThanOrEqualTo(l.startNanos()[i]);
        }
    }
}
