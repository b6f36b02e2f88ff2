package io.launchpad.api.opendata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema check in {@link OpenDataApiTest} can fail: it refuses what OCDS 1.1.5
 * refuses.
 */
class OcdsSchemasTest {

    private static final String PACKAGE = """
            {"uri":"https://launchpad.example/p","version":"1.1","publishedDate":"2026-12-03T10:00:00Z",
             "publisher":{"name":"Launchpad"},"releases":[%s]}""";

    @Test
    void aMinimalReleasePasses() {
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE,
                PACKAGE.formatted(
                        """
                                {"ocid":"ocds-lnchpd-1","id":"1","date":"2026-12-03T10:00:00Z","tag":["tender"],"initiationType":"tender",
                                 "tender":{"id":"t","status":"active"}}""")))
            .isEmpty();
    }

    @Test
    void aClosedCodelistValueAMissingRequiredFieldAndABadDateAreRefused() {
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE,
                PACKAGE.formatted(
                        """
                                {"ocid":"ocds-lnchpd-1","id":"1","date":"2026-12-03T10:00:00Z","tag":["tender"],"initiationType":"tender",
                                 "tender":{"id":"t","status":"open"}}""")))
            .isNotEmpty();
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE, PACKAGE.formatted("""
                {"id":"1","date":"2026-12-03T10:00:00Z","tag":["tender"],"initiationType":"tender"}"""))).isNotEmpty();
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE, PACKAGE.formatted(
                """
                        {"ocid":"ocds-lnchpd-1","id":"1","date":"3 December 2026","tag":["tender"],"initiationType":"tender"}""")))
            .isNotEmpty();
        assertThat(OcdsSchemas.problems(OcdsSchemas.RELEASE_PACKAGE,
                PACKAGE.formatted(
                        """
                                {"ocid":"ocds-lnchpd-1","id":"1","date":"2026-12-03T10:00:00Z","tag":["tender"],"initiationType":"tender",
                                 "contracts":[{"id":"c"}]}""")))
            .as("a contract needs its awardID")
            .isNotEmpty();
    }

}
