package io.launchpad.api.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param ttl how long a key is remembered; a retry after that does the work again
 * @param inFlightWait how long a duplicate waits for the first request with its key to
 * finish before it is told 409 (retry later)
 */
@ConfigurationProperties("launchpad.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("10s") Duration inFlightWait) {
}
