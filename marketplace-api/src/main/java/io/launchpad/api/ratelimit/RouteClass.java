package io.launchpad.api.ratelimit;

import org.springframework.http.HttpMethod;

import java.time.Duration;

/**
 * Search and matching hit Elasticsearch and are the tightest; writes sit between them and
 * reads.
 */
enum RouteClass {

    SEARCH(new RateLimitProperties.Limit(30, 300, Duration.ofMinutes(1))),
    WRITE(new RateLimitProperties.Limit(60, 600, Duration.ofMinutes(1))),
    READ(new RateLimitProperties.Limit(300, 3000, Duration.ofMinutes(1)));

    private final RateLimitProperties.Limit fallback;

    RouteClass(RateLimitProperties.Limit fallback) {
        this.fallback = fallback;
    }

    String key() {
        return name().toLowerCase();
    }

    RateLimitProperties.Limit fallback() {
        return fallback;
    }

    static RouteClass of(HttpMethod method, String path) {
        if (path.contains("/search") || path.endsWith("/matches") || path.contains("/matches/")) {
            return SEARCH;
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return READ;
        }
        return WRITE;
    }

}
