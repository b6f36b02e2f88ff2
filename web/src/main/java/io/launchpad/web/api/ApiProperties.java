package io.launchpad.web.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Launchpad API lives. The web front end is just another client of it.
 *
 * @param baseUrl scheme, host and port of the API (paths under {@code /api/v1} are added
 * per call)
 * @param timeout how long a page waits for one API call before treating the API as
 * unavailable
 */
@ConfigurationProperties("launchpad.api")
record ApiProperties(URI baseUrl, @DefaultValue("10s") Duration timeout) {
}
