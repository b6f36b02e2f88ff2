package io.launchpad.api.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.launchpad.api.problem.ProblemWriter;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Token buckets (Bucket4j) per person and per OAuth client and route class; past the
 * limit a request gets 429 problem+json with {@code Retry-After} in seconds. Runs after
 * the security chain so it knows who is asking; applies to every /api route, including
 * ones added later. Two tiers: this instance's buckets (bounded memory, {@link Buckets})
 * refuse a caller already over the limit here at no cost, then the buckets every instance
 * shares in PostgreSQL ({@link SharedBuckets}) make the limit hold across any number of
 * instances.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter, Ordered {

    static final int ORDER = -50;

    /**
     * Bounds memory against callers that rotate addresses ({@link Buckets} evicts the
     * coldest).
     */
    private static final int MAX_BUCKETS = 100_000;

    private final RateLimitProperties properties;

    private final JsonMapper json;

    private final Buckets buckets;

    private final MeterRegistry meters;

    private final SharedBuckets shared;

    RateLimitFilter(RateLimitProperties properties, JsonMapper json, MeterRegistry meters, DatabaseClient db) {
        this.shared = new SharedBuckets(db);
        this.properties = properties;
        this.meters = meters;
        // registered up front, so dashboards and alerts see zeros rather than no series
        // at all
        for (RouteClass routeClass : RouteClass.values()) {
            for (String scope : List.of("user", "client")) {
                rejections(routeClass, scope);
            }
        }
        this.json = json;
        this.buckets = new Buckets(MAX_BUCKETS, properties.longestPeriod(), ForkJoinPool.commonPool());
    }

    /**
     * Shared buckets idle for a whole period are full again: the rows go, so the table
     * stays small.
     */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${launchpad.rate-limits.clean-up-interval:PT5M}")
    void forgetIdleBuckets() {
        try {
            shared.forgetIdle(properties.longestPeriod()).block(Duration.ofMinutes(1));
        }
        catch (RuntimeException e) {
            SharedBucketsUnavailable.log(e);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!properties.enabled() || !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        RouteClass routeClass = RouteClass.of(exchange.getRequest().getMethod(), path);
        RateLimitProperties.Limit limit = properties.limit(routeClass);
        String address = address(exchange);
        return exchange.getPrincipal()
            .map(principal -> new Who(principal.getName(), client(principal, address)))
            .defaultIfEmpty(new Who("ip:" + address, "ip:" + address))
            .flatMap(who -> {
                // this instance first: a caller already over the limit here is refused
                // without a round trip
                ConsumptionProbe user = bucket(routeClass, "user", who.user(), limit.perUser(), limit)
                    .tryConsumeAndReturnRemaining(1);
                ConsumptionProbe client = user.isConsumed()
                        ? bucket(routeClass, "client", who.client(), limit.perClient(), limit)
                            .tryConsumeAndReturnRemaining(1)
                        : null;
                if (!user.isConsumed() || client != null && !client.isConsumed()) {
                    ConsumptionProbe refused = user.isConsumed() && client != null ? client : user;
                    return refuse(exchange, routeClass, limit, user.isConsumed() ? "client" : "user", Math.max(1,
                            TimeUnit.NANOSECONDS.toSeconds(refused.getNanosToWaitForRefill() + 999_999_999L)));
                }
                // then the buckets all instances share: the limit holds however many
                // instances there are
                return sharedVerdict(routeClass, limit, who).flatMap(verdict -> {
                    if (verdict.refusedScope() != null) {
                        return refuse(exchange, routeClass, limit, verdict.refusedScope(), verdict.secondsToWait());
                    }
                    if (verdict.remaining() >= 0) {
                        exchange.getResponse()
                            .getHeaders()
                            .set("RateLimit-Remaining", Long.toString(verdict.remaining()));
                    }
                    return chain.filter(exchange);
                });
            });
    }

    /**
     * What the shared buckets say; when PostgreSQL cannot be asked, yes (this instance's
     * limits applied above).
     */
    private Mono<Verdict> sharedVerdict(RouteClass routeClass, RateLimitProperties.Limit limit, Who who) {
        return shared.take(routeClass.key() + "|user|" + who.user(), limit.perUser(), limit.period())
            .flatMap(user -> !user.consumed() ? Mono.just(new Verdict("user", user.secondsToWait(), -1))
                    : shared.take(routeClass.key() + "|client|" + who.client(), limit.perClient(), limit.period())
                        .map(client -> client.consumed()
                                ? new Verdict(null, 0, (long) Math.floor(Math.min(user.tokens(), client.tokens())))
                                : new Verdict("client", client.secondsToWait(), -1)))
            .onErrorResume(SharedBucketsUnavailable::is, error -> {
                SharedBucketsUnavailable.log(error);
                return Mono.just(new Verdict(null, 0, -1));
            });
    }

    /** {@code refusedScope} null when allowed; {@code remaining} -1 when unknown. */
    private record Verdict(@Nullable String refusedScope, long secondsToWait, long remaining) {
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RouteClass routeClass, RateLimitProperties.Limit limit,
            String scope, long seconds) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        rejections(routeClass, scope).increment();
        return ProblemWriter.write(exchange.getResponse(),
                ApiProblem.of(ProblemType.RATE_LIMITED,
                        "Too many " + routeClass.key() + " requests for this " + scope + " (limit "
                                + ("client".equals(scope) ? limit.perClient() : limit.perUser()) + " per "
                                + limit.period() + "); retry after " + seconds + "s"),
                json);
    }

    private Counter rejections(RouteClass routeClass, String scope) {
        return Counter.builder("launchpad.ratelimit.rejections")
            .description("Requests refused with 429 by the rate limits")
            .tag("route_class", routeClass.key())
            .tag("scope", scope)
            .register(meters);
    }

    private Bucket bucket(RouteClass routeClass, String scope, String id, long capacity,
            RateLimitProperties.Limit limit) {
        return buckets.get(routeClass.key() + "|" + scope + "|" + id,
                () -> Bucket.builder()
                    .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limit.period()))
                    .build());
    }

    private static String client(Principal principal, String address) {
        if (principal instanceof JwtAuthenticationToken token) {
            Object azp = token.getToken().getClaims().get("azp");
            if (azp != null) {
                return "azp:" + azp;
            }
        }
        return "ip:" + address;
    }

    private static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private record Who(String user, String client) {
    }

}
