package io.launchpad.api.taxonomy;

import io.launchpad.matching.Taxonomy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controlled vocabularies as the API promises them: matching's {@link Taxonomy} (the
 * one file the index set-up and the rankers read too) mapped term by term, under the
 * names the contract has always used, so matching can add to its record without the JSON
 * following it.
 */
@Schema(name = "Taxonomy")
public record TaxonomyView(String version, String description, Map<String, List<TermView>> vocabularies) {

    static TaxonomyView of(Taxonomy taxonomy) {
        Map<String, List<TermView>> vocabularies = new LinkedHashMap<>();
        taxonomy.vocabularies()
            .forEach((name, terms) -> vocabularies.put(name,
                    terms.stream()
                        .map(term -> new TermView(term.code(), term.label(), term.altLabels(), term.synonyms(),
                                term.satisfies()))
                        .toList()));
        return new TaxonomyView(taxonomy.version(), taxonomy.description(), Collections.unmodifiableMap(vocabularies));
    }

    /**
     * One code with its label, the other names people use for it, and the codes holding
     * it also meets.
     */
    @Schema(name = "Term")
    public record TermView(String code, String label, List<String> altLabels, List<String> synonyms,
            List<String> satisfies) {
    }
}
