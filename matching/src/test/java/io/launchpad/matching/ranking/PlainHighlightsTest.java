package io.launchpad.matching.ranking;

import java.util.List;
import java.util.Set;

import io.launchpad.matching.Highlight;
import io.launchpad.matching.Highlight.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Highlights as a person reads them, without a search node: the fragments are
 * Elasticsearch's, as it sends them.
 */
class PlainHighlightsTest {

    @Test
    void splitsAtMarksAndUndoesTheEscapingSoTextTypedLikeMarkupStaysText() {
        Highlight highlight = PlainHighlights.plain("summary",
                "Tom &amp; Jerry&#x27;s &lt;mark&gt; <mark>repairs</mark> &#x2F; done", Set.of());

        assertThat(highlight.segments()).containsExactly(new Segment("Tom & Jerry's <mark> ", false),
                new Segment("repairs", true), new Segment(" / done", false));
        assertThat(highlight.text()).isEqualTo("Tom & Jerry's <mark> repairs / done");
    }

    @Test
    void wordsWithoutASubjectAndWordsOfTheNameAreNotMarked() {
        Highlight highlight = PlainHighlights.plain("capabilities",
                "<mark>We</mark> <mark>can</mark> spot <mark>damp</mark> <mark>before</mark> <mark>Acme</mark> <mark>mould</mark>",
                Set.of("acme"));

        assertThat(highlight.segments()).containsExactly(new Segment("We can spot ", false), new Segment("damp", true),
                new Segment(" before Acme ", false), new Segment("mould", true));
        assertThat(PlainHighlights.plain("summary", "<mark>humidity</mark> <mark>sensors</mark> fitted", Set.of())
            .segments()).containsExactly(new Segment("humidity sensors", true), new Segment(" fitted", false));
    }

    @Test
    void aFragmentWithNothingLeftToMarkIsDroppedAndTheRicherOnesComeFirst() {
        List<Highlight> shown = PlainHighlights.of(
                List.of(new PlainHighlights.Fragment("name", "<mark>Acme</mark> Housing Tech"),
                        new PlainHighlights.Fragment("summary",
                                "<mark>We</mark> are <mark>our</mark> customers' partner"),
                        new PlainHighlights.Fragment("capabilities", "Sensors for <mark>damp</mark>"),
                        new PlainHighlights.Fragment("caseStudies",
                                "<mark>Damp</mark> and <mark>mould</mark> fell by a third")),
                List.of("Acme Housing Tech"));

        assertThat(shown).extracting(Highlight::field).containsExactly("caseStudies", "capabilities");
    }

    @Test
    void anUnclosedMarkHighlightsToTheEndAndAnEntityThatIsNotOneStaysAsWritten() {
        assertThat(PlainHighlights.plain("f", "a &#xFFFFFF; <mark>boiler", Set.of()).segments())
            .containsExactly(new Segment("a &#xFFFFFF; ", false), new Segment("boiler", true));
    }

}
