package io.launchpad.matching.ranking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.TextAnalysis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Highlighting in this process, without a search node: words are marked as the index's
 * analysis would match them, with the real synonym rules.
 */
class QueryHighlighterTest {

    private static final QueryHighlighter HIGHLIGHTER = new QueryHighlighter(
            TextAnalysis.synonymRules(Taxonomy.housing()));

    private static List<String> marked(String query, String text) {
        return HIGHLIGHTER.marked(HIGHLIGHTER.words(query), text)
            .stream()
            .map(span -> text.substring(span.start(), span.end()))
            .toList();
    }

    @Test
    void marksStemsAndSynonymsButNotStopWords() {
        assertThat(marked("We repair homes with mould", "Repairing damp flats and the condensation in them"))
            .containsExactly("Repairing", "damp", "condensation");
        assertThat(marked("The and of", "The cat and the hat")).isEmpty();
    }

    @Test
    void aMultiWordSynonymIsMarkedOnlyAsAWholePhrase() {
        assertThat(marked("experience with a social landlord", "Fifteen years with a housing association"))
            .containsExactly("housing", "association");
        assertThat(marked("experience with a social landlord", "A trade association; housing is elsewhere")).isEmpty();
    }

    @Test
    void fragmentsAreEscapedAndCarryMarksThatPlainHighlightsReads() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("summary", "Tom & Jerry's <script> sensors for damp");
        shown.put("name", "Nothing in common");

        List<PlainHighlights.Fragment> fragments = HIGHLIGHTER.fragments(HIGHLIGHTER.words("damp sensors"), shown);

        assertThat(fragments).singleElement()
            .satisfies(fragment -> assertThat(fragment.field()).isEqualTo("summary"))
            .satisfies(fragment -> assertThat(fragment.html())
                .isEqualTo("Tom &amp; Jerry&#x27;s &lt;script&gt; <mark>sensors</mark> for <mark>damp</mark>"));
        assertThat(PlainHighlights.of(fragments, List.of()).getFirst().text())
            .isEqualTo("Tom & Jerry's <script> sensors for damp");
    }

    @Test
    void longTextGivesAtMostThreeShortFragmentsThoseSharingMostWordsFirst() {
        String filler = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. ".repeat(4);
        String text = filler + "We fit heat pumps. " + filler + "Heat pumps, solar panels and retrofit insulation. "
                + filler + "Insulation. " + filler + "Solar. " + filler + "Heat pumps again.";

        List<PlainHighlights.Fragment> fragments = HIGHLIGHTER
            .fragments(HIGHLIGHTER.words("heat pumps solar retrofit insulation"), Map.of("capabilities", text));

        assertThat(fragments).hasSize(QueryHighlighter.FRAGMENTS_PER_FIELD)
            .allSatisfy(fragment -> assertThat(fragment.html().replaceAll("</?mark>", ""))
                .hasSizeLessThanOrEqualTo(QueryHighlighter.FRAGMENT_SIZE));
        assertThat(fragments).anySatisfy(fragment -> assertThat(fragment.html()).contains("<mark>retrofit</mark>"));
        assertThat(fragments.stream().map(PlainHighlights.Fragment::html))
            .noneMatch(html -> html.contains("Solar.") && !html.contains("retrofit"));
    }

    @Test
    void aQueryLongerThanLuceneClauseLimitIsRead() {
        String query = "repairs ".repeat(3_000) + "condensation";

        assertThat(marked(query, "Mould and repairs")).containsExactly("Mould", "repairs");
    }

    @Test
    void textSharingNoWordHasNoFragment() {
        assertThat(HIGHLIGHTER.fragments(HIGHLIGHTER.words("damp sensors"), Map.of("summary", "Payroll software")))
            .isEmpty();
        assertThat(HIGHLIGHTER.fragments(HIGHLIGHTER.words("  "), Map.of("summary", "damp"))).isEmpty();
    }

}
