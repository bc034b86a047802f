package org.reclaim.lab.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped campaign files and their schema: each file is read as {@code lab campaign} reads it,
 * so every workload, size, parameter and manager it names exists.
 */
class ShippedCampaignsTest {
    static final Path CAMPAIGNS = Path.of("..", "scripts", "campaigns");

    @Test
    void theSchemaDocumentsEveryKeyTheLabAccepts() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(CAMPAIGNS.resolve("campaign.schema.json").toFile());
        List<String> keys = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(CampaignFile.KEYS);
        schema.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        List<String> workloadKeys = new ArrayList<>();
        schema.at("/properties/workloads/items/oneOf/1/properties").fieldNames().forEachRemaining(workloadKeys::add);
        assertThat(workloadKeys).containsExactlyElementsOf(CampaignFile.WORKLOAD_KEYS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo.yaml", "lecture.yaml", "heap-sweep.yaml", "literature.yaml"})
    void aShippedCampaignIsWellFormed(String name) throws Exception {
        YamlNode root = YamlNode.parse(name, Files.readString(CAMPAIGNS.resolve(name)));
        YamlNode.Mapping m = (YamlNode.Mapping) root;
        assertThat(CampaignFile.KEYS).containsAll(m.entries().keySet());
        for (YamlNode h : ((YamlNode.Seq) m.entries().get("heaps")).items())
            assertThat(HeapSpec.parse(((YamlNode.Scalar) h).text()).isMultiple()).isTrue();
        assertThat(m.entries().get("name")).isEqualTo(new YamlNode.Scalar(name.replace(".yaml", ""),
                m.entries().get("name").where()));
        assertThat(CampaignFile.read(CAMPAIGNS.resolve(name)).name()).isEqualTo(name.replace(".yaml", ""));
        assertThat(CampaignFile.read(CAMPAIGNS.resolve(name)).repetitions()).as("repetitions: a 95% interval needs them").isGreaterThanOrEqualTo(3);
    }
}
