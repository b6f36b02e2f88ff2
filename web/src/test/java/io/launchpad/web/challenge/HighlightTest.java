package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void labelsTheFieldForPeople() {
        assertThat(new Highlight("caseStudies.outcome", "x", List.of()).fieldLabel()).isEqualTo("Outcome");
        assertThat(new Highlight("regionsServed", "x", List.of()).fieldLabel()).isEqualTo("Regions served");
        assertThat(new Highlight("capabilities", "x", null).fieldLabel()).isEqualTo("Capabilities");
    }

}
