package io.launchpad.matching.indexes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.launchpad.matching.Taxonomy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text analysis component template: {@code elasticsearch/text-analysis.json} with the
 * taxonomy's synonym rules appended to {@code housing_synonyms}. The hand-written rules
 * in the file cover words the taxonomy has no term for (tenant/resident, voids); the
 * taxonomy adds one rule per term, so a new synonym is a data change in one place.
 */
public final class TextAnalysis {

    static final String FILE = "/elasticsearch/text-analysis.json";

    private TextAnalysis() {
    }

    /** The component template body with the given taxonomy's rules in it. */
    public static InputStream template(Taxonomy taxonomy) {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream file = TextAnalysis.class.getResourceAsStream(FILE)) {
            if (file == null) {
                throw new IOException("missing classpath resource " + FILE);
            }
            ObjectNode template = (ObjectNode) json.readTree(file);
            JsonNode synonyms = template.at("/template/settings/analysis/filter/housing_synonyms/synonyms");
            if (!(synonyms instanceof ArrayNode rules)) {
                throw new IllegalStateException(FILE + " has no housing_synonyms filter with a synonyms list");
            }
            taxonomy.synonymRules().forEach(rules::add);
            ObjectNode meta = template.withObject("/_meta");
            meta.put("taxonomy_version", taxonomy.version());
            return new ByteArrayInputStream(json.writeValueAsBytes(template));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
