package io.launchpad.api.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code launchpad.open-data.*}.
 *
 * @param ocidPrefix the prefix the Open Contracting Partnership registers for a
 * publisher; the default is a placeholder until Launchpad registers its own
 */
@ConfigurationProperties("launchpad.open-data")
record OpenDataProperties(String ocidPrefix) {

    OpenDataProperties {
        if (ocidPrefix == null || ocidPrefix.isBlank()) {
            ocidPrefix = "ocds-lnchpd";
        }
        if (!ocidPrefix.matches("ocds-[a-z0-9]{6}")) {
            throw new IllegalArgumentException(
                    "launchpad.open-data.ocid-prefix must be ocds- and six letters or digits");
        }
    }
}
