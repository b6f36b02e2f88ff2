package io.launchpad.matching.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Substance is read from the shape of the writing, not from any topic's words. */
class ProfileQualityTest {

    @Test
    void aTermListIsNotASentence() {
        assertThat(
                ProfileQuality.isSentence("Repairs voids damp mould heat pumps retrofit arrears complaints cyber AI."))
            .isFalse();
        assertThat(ProfileQuality.isSentence("Payroll pensions invoicing budgeting forecasting audit treasury."))
            .isFalse();
        assertThat(ProfileQuality
            .isSentence("We fit humidity sensors in homes and warn the landlord before mould appears.")).isTrue();
    }

    @Test
    void bareAndStuffedProfilesHaveLittleDetailAndAreCapped() {
        double bare = ProfileQuality.of("Coming soon.", "", "", "");
        double stuffed = ProfileQuality.of("Repairs voids damp mould heat pumps retrofit arrears complaints cyber AI.",
                "Repairs\nVoids\nDamp and mould\nRetrofit", "", "");
        assertThat(bare).isZero();
        assertThat(ProfileQuality.littleDetail(stuffed)).isTrue();
        assertThat(ProfileQuality.cap(stuffed)).isLessThan(20);
    }

    @Test
    void aWrittenProfileIsNotCapped() {
        double written = ProfileQuality.of(
                "We fit humidity sensors in homes and warn the landlord before mould appears. "
                        + "Residents see the readings on their phones and get advice on ventilation. "
                        + "Our team of twelve has worked with housing associations since 2016.",
                "Humidity and temperature sensors\nAlerts for repairs teams\nAdvice for residents", "",
                "Riverside pilot. We cut damp reports by a third across 400 flats in one winter.");
        assertThat(ProfileQuality.littleDetail(written)).isFalse();
        assertThat(ProfileQuality.cap(written)).isEqualTo(100);
    }

}
