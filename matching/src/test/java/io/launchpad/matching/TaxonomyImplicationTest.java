package io.launchpad.matching;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Accreditation implication rules are data in the taxonomy, and run one way only. */
class TaxonomyImplicationTest {

    private final Taxonomy taxonomy = Taxonomy.housing();

    @Test
    void cyberEssentialsPlusSatisfiesCyberEssentials() {
        assertThat(taxonomy.satisfiersOf(Taxonomy.ACCREDITATION, "cyber-essentials"))
            .containsExactlyInAnyOrder("cyber-essentials", "cyber-essentials-plus");
        assertThat(taxonomy.met(Taxonomy.ACCREDITATION, List.of("cyber-essentials-plus", "iso-9001")))
            .containsExactlyInAnyOrder("cyber-essentials-plus", "cyber-essentials", "iso-9001");
    }

    @Test
    void theReverseDoesNotHold() {
        assertThat(taxonomy.satisfiersOf(Taxonomy.ACCREDITATION, "cyber-essentials-plus"))
            .containsExactly("cyber-essentials-plus");
        assertThat(taxonomy.met(Taxonomy.ACCREDITATION, List.of("cyber-essentials")))
            .containsExactly("cyber-essentials");
    }

    @Test
    void everyImplicationNamesAKnownCodeOfItsOwnVocabulary() {
        taxonomy.vocabularies()
            .forEach((vocabulary, terms) -> terms.forEach(term -> assertThat(term.satisfies())
                .allSatisfy(code -> assertThat(taxonomy.knows(vocabulary, code)).isTrue())));
    }

}
