package io.launchpad.api.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aPartnerAcceptsWhatWasSignedWithItsSecretWithinTheWindowAndNothingElse() {
        String body = "{\"type\":\"challenge.published\"}";
        String header = WebhookSignature.header("whsec_right", NOW, body);
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify("whsec_right", header, body, NOW.plusSeconds(30))).isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", header, body, NOW)).as("another secret").isFalse();
        assertThat(WebhookSignature.verify("whsec_right", header, body.replace("published", "awarded"), NOW))
            .as("a changed body")
            .isFalse();
        assertThat(WebhookSignature.verify("whsec_right", header, body, NOW.plus(Duration.ofMinutes(6))))
            .as("replayed after the window")
            .isFalse();
        assertThat(WebhookSignature.verify("whsec_right",
                header.replace("t=" + NOW.getEpochSecond(), "t=" + NOW.plusSeconds(60).getEpochSecond()), body, NOW))
            .as("a moved timestamp")
            .isFalse();
        assertThat(WebhookSignature.verify("whsec_right", null, body, NOW)).isFalse();
        assertThat(WebhookSignature.verify("whsec_right", "v1=abc", body, NOW)).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCeiling() {
        WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(30), Duration.ofHours(1), 25,
                Duration.ofSeconds(10), false);
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.backoff(12)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofHours(1));
    }

}
