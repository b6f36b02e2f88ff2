package io.launchpad.api.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;
import java.util.Arrays;

/**
 * Limits per route class ({@code search}, {@code write}, {@code read}): each caller
 * (token subject, or client address when anonymous) gets {@code perUser} requests per
 * {@code period}, and each OAuth client (the token's {@code azp}, or the address)
 * {@code perClient}.
 */
@ConfigurationProperties("launchpad.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Limit> classes) {

    record Limit(long perUser, long perClient, Duration period) {
    }

    Limit limit(RouteClass routeClass) {
        Limit limit = classes == null ? null : classes.get(routeClass.key());
        return limit != null ? limit : routeClass.fallback();
    }

    /** The longest period of any route class: a bucket idle that long is full again. */
    Duration longestPeriod() {
        return Arrays.stream(RouteClass.values())
            .map(this::limit)
            .map(Limit::period)
            .max(Duration::compareTo)
            .orElse(Duration.ofMinutes(1));
    }
}
