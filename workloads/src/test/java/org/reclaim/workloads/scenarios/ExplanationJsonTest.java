package org.reclaim.workloads.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.runtime.catalog.Managers;

class ExplanationJsonTest {
    @Test
    void rcCycleIsOneDocumentWithARowPerLineAndBothNodesLeakedAtExitUnderOwnership() throws Exception {
        Scenario s = Scenarios.find("rc-cycle");
        Explanation e = Explainer.explain(s, false, List.of(Managers.find("ownership"), Managers.find("mark-sweep")));
        String json = ExplanationJson.of(e);
        assertThat(json.lines().count()).isEqualTo(s.lines().size() + 3);    // the head, a line per row and the exit, the end
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(root.get("scenario").asText()).isEqualTo("rc-cycle");
        JsonNode exit = root.get("rows").get(s.lines().size());
        assertThat(exit.get("source").asText()).isEqualTo("(exit)");
        assertThat(exit.get("cells").get("ownership").toString())
                .isEqualTo("[{\"event\":\"leak\",\"object\":1},{\"event\":\"leak\",\"object\":2}]");
        assertThat(exit.get("cells").get("mark-sweep").size()).isZero();
        assertThat(root.get("rows").get(8).get("source").asText()).isEqualTo("    rc_release(b); // C only");
    }
}
