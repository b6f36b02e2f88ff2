package io.launchpad.api.ratelimit;

import io.launchpad.api.support.ApiTestBase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two API instances, each with its own memory, share one PostgreSQL: the limit holds
 * once, not twice.
 */
class SharedRateLimitsTest extends ApiTestBase {

    @Autowired
    private JsonMapper json;

    @Test
    void twoInstancesTogetherAllowTheLimitOnceAndTheSecondRefusesWithRetryAfter() {
        var properties = new RateLimitProperties(true,
                Map.of("read", new RateLimitProperties.Limit(3, 1000, Duration.ofHours(1))));
        RateLimitFilter first = new RateLimitFilter(properties, json, new SimpleMeterRegistry(), db);
        RateLimitFilter second = new RateLimitFilter(properties, json, new SimpleMeterRegistry(), db);
        String caller = "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        AtomicInteger served = new AtomicInteger();

        assertThat(send(first, caller, served)).isNull();
        assertThat(send(second, caller, served)).isNull();
        assertThat(send(first, caller, served)).isNull();
        MockServerWebExchange refused = exchange(caller);
        second.filter(refused, ignored -> Mono.fromRunnable(served::incrementAndGet)).block();

        assertThat(served).hasValue(3);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // 1 token per 20 minutes comes back: the wait is about that, never zero
        assertThat(Long.parseLong(refused.getResponse().getHeaders().getFirst("Retry-After"))).isBetween(1_000L,
                1_200L);
        // someone else is unaffected on either instance
        assertThat(send(second, "10.78.0.1", served)).isNull();
    }

    @Test
    void idleBucketsAreForgottenAndAForgottenBucketIsFullAgain() {
        SharedBuckets buckets = new SharedBuckets(db);
        String key = "read|user|forget-" + ThreadLocalRandom.current().nextLong();
        assertThat(buckets.take(key, 1, Duration.ofHours(1)).block().consumed()).isTrue();
        assertThat(buckets.take(key, 1, Duration.ofHours(1)).block().consumed()).isFalse();
        db.sql("update rate_limit_bucket set updated_at = now() - interval '2 hours' where bucket_key = :key")
            .bind("key", SharedBuckets.stored(key))
            .then()
            .block();
        assertThat(buckets.forgetIdle(Duration.ofHours(1)).block()).isPositive();
        assertThat(db.sql("select count(*) from rate_limit_bucket where bucket_key = :key")
            .bind("key", SharedBuckets.stored(key))
            .map(row -> row.get(0, Long.class))
            .one()
            .block()).isZero();
        assertThat(buckets.take(key, 1, Duration.ofHours(1)).block().consumed()).isTrue();
    }

    /** The status the filter answered with, or null when it let the request through. */
    private static HttpStatus send(RateLimitFilter filter, String caller, AtomicInteger served) {
        MockServerWebExchange exchange = exchange(caller);
        filter.filter(exchange, ignored -> Mono.fromRunnable(served::incrementAndGet)).block();
        return exchange.getResponse().getStatusCode() == null ? null
                : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }

    private static MockServerWebExchange exchange(String caller) {
        return MockServerWebExchange
            .from(MockServerHttpRequest.get("/api/v1/challenges").remoteAddress(new InetSocketAddress(caller, 40000)));
    }

}
