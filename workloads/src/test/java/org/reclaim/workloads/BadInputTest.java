package org.reclaim.workloads;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.workloads.catalog.Workloads;
import org.reclaim.workloads.run.Runner;
import org.reclaim.workloads.scenarios.Scenarios;

/** Wrong names get one message that says what is valid. */
class BadInputTest {

    @Test
    void anUnknownWorkloadListsTheNearestNames() {
        assertThatThrownBy(() -> Workloads.find("lru-cash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown workload 'lru-cash'; did you mean lru-cache");
    }

    @Test
    void anUnknownScenarioListsTheNearestScenarios() {
        assertThatThrownBy(() -> Scenarios.find("print-year-twice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown scenario 'print-year-twice'; did you mean print-years-twice")
                .hasMessageNotContaining("binary-trees");
    }

    @Test
    void aBenchmarkIsNotTakenForAScenario() {
        assertThatThrownBy(() -> Workloads.scenario("binary-trees"))
                .hasMessageStartingWith("'binary-trees' is a benchmark workload, not a scenario (explain runs scenarios: orders,");
    }

    @Test
    void anUnknownSizeListsTheValidOnes() {
        assertThatThrownBy(() -> Workloads.size(Workloads.find("queue-churn"), "huge"))
                .hasMessage("unknown size 'huge' for queue-churn; valid sizes: tiny, small, default, large");
    }

    @Test
    void aBackPointerKindOtherThanWeakOrStrongIsRefused() {
        assertThatThrownBy(() -> Runner.run(new Runner.Request("doubly-linked-list", "tiny", "manual", 1 << 20, 1,
                Map.of("back", "soft"), 1 << 20)))
                .hasMessage("--back takes weak or strong, not 'soft'");
    }

    @Test
    void aRateThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> Runner.run(new Runner.Request("request-server", "tiny", "manual", 1 << 20, 1,
                Map.of("rate", "fast"), 1 << 20)))
                .hasMessage("--rate takes requests per second (0 for back to back), not 'fast'");
    }
}
