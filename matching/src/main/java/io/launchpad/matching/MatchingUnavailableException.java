package io.launchpad.matching;

import java.time.Duration;

/**
 * Elasticsearch could not answer (unreachable, timed out, overloaded, indexes not ready
 * yet). The request may succeed later: the API answers 503 with {@link #retryAfter()} as
 * {@code Retry-After}.
 */
public class MatchingUnavailableException extends RuntimeException {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    public MatchingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MatchingUnavailableException(String message) {
        super(message);
    }

    /** How long a client should wait before trying again. */
    public Duration retryAfter() {
        return DEFAULT_RETRY_AFTER;
    }

}
