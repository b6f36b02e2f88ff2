package io.launchpad.api.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code launchpad.webhooks.*}: how deliveries are retried, and whether endpoints on this
 * machine or a private network are allowed (developers and tests; never in production,
 * where they would let a partner's URL reach inside our network).
 *
 * @param firstRetry the wait after the first failure; it doubles after each one
 * @param maxRetry the longest wait between two attempts
 * @param maxAttempts attempts before a delivery is marked failed (it can still be
 * replayed)
 * @param timeout how long one call may take
 * @param allowLocalAddresses loopback and private addresses, and plain http to loopback
 */
@ConfigurationProperties("launchpad.webhooks")
record WebhookProperties(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration timeout,
        boolean allowLocalAddresses) {

    WebhookProperties {
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 25 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /**
     * The wait after {@code failures} failed attempts: first, 2 x first, 4 x first, ...
     * up to max.
     */
    Duration backoff(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
