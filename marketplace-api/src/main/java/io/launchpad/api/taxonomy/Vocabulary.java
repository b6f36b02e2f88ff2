package io.launchpad.api.taxonomy;

import io.launchpad.matching.Taxonomy;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;

/**
 * The controlled vocabularies challenges and profiles are tagged with, read from the
 * versioned housing taxonomy that matching ships ({@link Taxonomy#housing()}): one source
 * for validation, the analyser's synonyms and the rankers. Codes are stable API values;
 * labels are for people.
 */
public enum Vocabulary {

    CATEGORY(Taxonomy.CATEGORY), CAPABILITY(Taxonomy.CAPABILITY), REGION(Taxonomy.REGION),
    ACCREDITATION(Taxonomy.ACCREDITATION), ORGANISATION_SIZE(Taxonomy.ORGANISATION_SIZE);

    private final String taxonomyName;

    Vocabulary(String taxonomyName) {
        this.taxonomyName = taxonomyName;
    }

    public boolean knows(String code) {
        return Taxonomy.housing().knows(taxonomyName, code);
    }

    /**
     * A list filter's code, or null when none was given; a code the vocabulary does not
     * know is a 400 naming the query parameter.
     */
    public @Nullable String filter(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!knows(value)) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, parameter, "known-code",
                    "'" + value + "' is not a known code; see /api/v1/taxonomy");
        }
        return value;
    }

    /** Code → label, in display order. */
    public Map<String, String> labels() {
        return Taxonomy.housing().labels(taxonomyName);
    }

    public List<String> codes() {
        return Taxonomy.housing().codes(taxonomyName);
    }

    /**
     * The vocabulary's name in the taxonomy and in API parameters
     * ({@code organisation-size}).
     */
    public String taxonomyName() {
        return taxonomyName;
    }

}
