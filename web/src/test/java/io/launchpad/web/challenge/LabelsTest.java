package io.launchpad.web.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void codesWithoutAConfiguredLabelReadAsASentence() {
        assertThat(Labels.topic("damp-and-mould")).isEqualTo("Damp and mould");
        assertThat(Labels.topic("caseStudies")).isEqualTo("Case studies");
        assertThat(Labels.topic("regions_served")).isEqualTo("Regions served");
    }

}
