package io.launchpad.api.webhook;

import io.launchpad.api.problem.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In production a webhook may only call https on a public address: nothing inside our
 * network.
 */
class WebhookAddressesTest {

    private final WebhookAddresses production = new WebhookAddresses(false);

    @ParameterizedTest
    @CsvSource({ "http://93.184.216.34/hooks, https", "ftp://93.184.216.34/hooks, https",
            "https://user:secret@93.184.216.34/hooks, no-credentials", "https://127.0.0.1/hooks, public-address",
            "https://10.1.2.3/hooks, public-address", "https://172.16.0.9/hooks, public-address",
            "https://192.168.1.20/hooks, public-address", "https://169.254.169.254/latest/meta-data, public-address",
            "https://100.64.0.1/hooks, public-address", "https://0.0.0.0/hooks, public-address",
            "https://[::1]/hooks, public-address", "https://[fd00::1]/hooks, public-address",
            "https://[fe80::1]/hooks, public-address", "not a url, valid-url", "/relative/only, valid-url" })
    void refusesWhatWouldReachInsideOrIsNotHttps(String url, String rule) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getBody().getProperties().toString()).contains("url", rule));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.216.34/hooks", "https://[2606:2800:220:1:248:1893:25c8:1946]/launchpad" })
    void acceptsHttpsToAPublicAddress(String url) {
        assertThat(production.check(url).getScheme()).isEqualTo("https");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8089/hooks", "http://localhost:8089/hooks" })
    void aDevelopersMachineMayUsePlainHttpToItself(String url) {
        assertThat(new WebhookAddresses(true).check(url).getPort()).isEqualTo(8089);
    }

}
