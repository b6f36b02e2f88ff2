package io.launchpad.matching.indexes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Every synonym rule the text analyzer applies (Solr format): the file's, then the
     * taxonomy's. Match highlighting builds its own analyzer from these.
     */
    public static List<String> synonymRules(Taxonomy taxonomy) {
        List<String> rules = new ArrayList<>();
        rulesIn(read(JsonMapper.builder().build())).forEach(rule -> rules.add(rule.asString()));
        rules.addAll(taxonomy.synonymRules());
        return List.copyOf(rules);
    }

    /** The component template body with the given taxonomy's rules in it. */
    public static InputStream template(Taxonomy taxonomy) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode template = read(json);
        ArrayNode rules = rulesIn(template);
        taxonomy.synonymRules().forEach(rules::add);
        ObjectNode meta = template.withObject("/_meta");
        meta.put("taxonomy_version", taxonomy.version());
        return new ByteArrayInputStream(json.writeValueAsBytes(template));
    }

    private static ObjectNode read(JsonMapper json) {
        try (InputStream file = TextAnalysis.class.getResourceAsStream(FILE)) {
            if (file == null) {
                throw new IOException("missing classpath resource " + FILE);
            }
            return (ObjectNode) json.readTree(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode rulesIn(ObjectNode template) {
        JsonNode synonyms = template.at("/template/settings/analysis/filter/housing_synonyms/synonyms");
        if (!(synonyms instanceof ArrayNode rules)) {
            throw new IllegalStateException(FILE + " has no housing_synonyms filter with a synonyms list");
        }
        return rules;
    }

}
