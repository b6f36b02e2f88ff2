package io.launchpad.api.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnicodeTextTest {

    @Test
    void loneSurrogatesAreFlawsWhereverTheyStand() {
        assertThat(UnicodeText.flaw("\ud800x")).get().extracting(UnicodeText.Flaw::rule).isEqualTo("valid-unicode");
        assertThat(UnicodeText.flaw("abc\ud800")).get()
            .extracting(UnicodeText.Flaw::message)
            .asString()
            .contains("position 4");
        assertThat(UnicodeText.flaw("\udc00abc")).isPresent();
        assertThat(UnicodeText.flaw("a\ud83d\ud83d\udca5")).as("a high surrogate before a proper pair").isPresent();
        assertThat(UnicodeText.flaw("💥 and 中")).isEmpty();
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreFlaws() {
        assertThat(UnicodeText.flaw("a\u0000b")).get()
            .extracting(UnicodeText.Flaw::rule)
            .isEqualTo("no-control-characters");
        assertThat(UnicodeText.flaw("bell\u0007")).isPresent();
        assertThat(UnicodeText.flaw("del\u007f")).isPresent();
        assertThat(UnicodeText.flaw("c1\u0085")).isPresent();
        assertThat(UnicodeText.flaw("line one\nline two\r\n\tindented")).isEmpty();
    }

    @Test
    void lengthCountsCodePointsOfTrimmedNfcText() {
        assertThat(UnicodeText.length("💥")).isEqualTo(1);
        assertThat(UnicodeText.length("  ab  ")).isEqualTo(2);
        assertThat(UnicodeText.length("e\u0301")).as("e + combining acute is one é").isEqualTo(1);
        assertThat(UnicodeText.normalise("Cafe\u0301")).isEqualTo("Café");
    }

    @Test
    void singleLineTextHasNoBreaksOrTabs() {
        assertThat(UnicodeText.hasLineBreakOrTab("a title")).isFalse();
        assertThat(UnicodeText.hasLineBreakOrTab("a\ntitle")).isTrue();
        assertThat(UnicodeText.hasLineBreakOrTab("a\ttitle")).isTrue();
        assertThat(UnicodeText.hasLineBreakOrTab("a\u2028title")).isTrue();
    }

}
