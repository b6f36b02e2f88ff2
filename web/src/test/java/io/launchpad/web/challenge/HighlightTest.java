package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.launchpad.web.challenge.Highlight.Segment;

class HighlightTest {

    @Test
    void splitsTheFragmentAtMarkTags() {
        var highlight = new Highlight("capabilities", "… early <mark>damp</mark> sensing <mark>mould</mark>");

        assertThat(highlight.segments()).containsExactly(new Segment("… early ", false), new Segment("damp", true),
                new Segment(" sensing ", false), new Segment("mould", true));
    }

    @Test
    void undoesElasticsearchEscapingBecauseTheTemplateEscapesOnOutput() {
        var highlight = new Highlight("summary", "Tom &amp; Jerry&#x27;s &lt;mark&gt; <mark>repairs</mark>");

        // an escaped "<mark>" typed by a supplier stays text; only the real tags become highlights
        assertThat(highlight.segments()).containsExactly(new Segment("Tom & Jerry's <mark> ", false),
                new Segment("repairs", true));
    }

    @Test
    void anUnclosedMarkHighlightsToTheEnd() {
        assertThat(new Highlight("f", "a <mark>b").segments()).containsExactly(new Segment("a ", false),
                new Segment("b", true));
    }

    @Test
    void labelsTheFieldForPeople() {
        assertThat(new Highlight("caseStudies.outcome", "x").fieldLabel()).isEqualTo("Outcome");
        assertThat(new Highlight("regionsServed", "x").fieldLabel()).isEqualTo("Regions served");
        assertThat(new Highlight("capabilities", "x").fieldLabel()).isEqualTo("Capabilities");
    }
}
