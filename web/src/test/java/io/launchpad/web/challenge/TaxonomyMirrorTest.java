package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web keeps a copy of the API's vocabularies (categories, regions, accreditations) as configuration;
 * this fails when the copy and the taxonomy the API serves (matching's housing taxonomy) drift apart.
 */
class TaxonomyMirrorTest {

    private static final Path SOURCE = Path.of("../matching/src/main/resources/taxonomy/housing-taxonomy-v1.json");

    @Test
    void theWebsVocabulariesAreTheApisInTheSameOrder() throws IOException {
        JsonNode vocabularies = JsonMapper.builder().build().readTree(Files.readString(SOURCE)).get("vocabularies");
        Map<String, Object> web = webTaxonomy();

        for (var pair : Map.of("categories", "category", "regions", "region", "accreditations", "accreditation").entrySet()) {
            Map<?, ?> copy = (Map<?, ?>) web.get(pair.getKey());
            Map<String, String> served = labels(vocabularies.get(pair.getValue()));
            assertThat(copy).as(pair.getKey()).isEqualTo(served);
            assertThat(List.copyOf(copy.keySet())).as(pair.getKey() + " in order").isEqualTo(List.copyOf(served.keySet()));
        }
    }

    private static Map<String, String> labels(JsonNode terms) {
        Map<String, String> labels = new LinkedHashMap<>();
        terms.forEach(term -> labels.put(term.get("code").asString(), term.get("label").asString()));
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> webTaxonomy() throws IOException {
        try (InputStream in = TaxonomyMirrorTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) yaml.get("launchpad")).get("taxonomy");
        }
    }
}
