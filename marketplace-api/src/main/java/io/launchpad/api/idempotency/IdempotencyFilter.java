package io.launchpad.api.idempotency;

import io.launchpad.api.problem.ProblemWriter;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.Optional;
import reactor.core.Exceptions;

/**
 * {@code Idempotency-Key} on every POST, present and future: a phone that lost the
 * response retries with the same key and gets the first response back
 * ({@code Idempotent-Replayed: true}) instead of creating a second challenge. The same
 * key with a different request is a 422; a duplicate that arrives while the first is
 * still running waits for it (up to {@code in-flight-wait}), so concurrent duplicates do
 * the work once. Keys belong to the signed-in person and expire after {@code ttl}. 5xx
 * answers are not remembered: the work may not have happened, so a retry redoes it.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyFilter implements WebFilter, Ordered {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int ORDER = -40;

    /**
     * Somewhat above spring.codec.max-in-memory-size, so the codec (not this filter)
     * names the 413 rule.
     */
    private static final int MAX_BODY = 1024 * 1024;

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** Headers that belong to one exchange, never to the replayed one. */
    private static final Set<String> NOT_REPLAYED = Set.of("x-correlation-id", "content-length", "date", "set-cookie",
            "transfer-encoding", "connection", "ratelimit", "ratelimit-policy");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;

    private final IdempotencyProperties properties;

    private final JsonMapper json;

    private @Nullable Disposable purging;

    IdempotencyFilter(IdempotencyKeys keys, IdempotencyProperties properties, JsonMapper json) {
        this.keys = keys;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPurging() {
        Duration every = properties.ttl().dividedBy(10).compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1)
                : properties.ttl().dividedBy(10);
        purging = Flux.interval(every, every)
            // a purge slower than the period (PostgreSQL away) skips ticks instead of
            // ending the loop
            .onBackpressureDrop()
            .concatMap(tick -> keys.purgeExpired().onErrorResume(e -> {
                log.warn("could not purge expired idempotency keys: {}", e.toString());
                return Mono.empty();
            }))
            .subscribe(n -> log.debug("purged {} expired idempotency keys", n));
    }

    @PreDestroy
    void stopPurging() {
        if (purging != null) {
            purging.dispose();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (exchange.getRequest().getMethod() != HttpMethod.POST || key == null
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (!KEY.matcher(key).matches()) {
            return ProblemWriter.write(exchange.getResponse(), ApiProblem.field(ProblemType.INVALID_PARAMETER, HEADER,
                    "pattern", "must be 1 to 255 visible ASCII characters, for example a UUID"), json);
        }
        return exchange.getPrincipal()
            .map(principal -> principal.getName())
            .defaultIfEmpty("anonymous:" + remote(exchange))
            .flatMap(owner -> DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY).map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            }).defaultIfEmpty(new byte[0]).flatMap(body -> handle(exchange, chain, owner, key, body)))
            .onErrorResume(DataBufferLimitException.class,
                    e -> ProblemWriter.write(exchange.getResponse(), ApiProblem.field(ProblemType.BODY_TOO_LARGE,
                            "body", "max-size", "must be at most " + MAX_BODY + " bytes"), json));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String owner, String key, byte[] body) {
        String hash = hash(exchange, body);
        return keys.claim(owner, key, hash, properties.ttl())
            .flatMap(claimed -> claimed ? perform(exchange, chain, owner, key, body)
                    : existing(exchange, owner, key, hash));
    }

    /**
     * Someone used the key before: replay, refuse, or wait for the first one to finish.
     */
    private Mono<Void> existing(ServerWebExchange exchange, String owner, String key, String hash) {
        long attempts = Math.max(1, properties.inFlightWait().toMillis() / 50);
        return keys.find(owner, key)
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(found -> found.isPresent() && "in_progress".equals(found.get().state())
                    && found.get().requestHash().equals(hash) ? Mono.error(new StillRunning()) : Mono.just(found))
            .retryWhen(Retry.fixedDelay(attempts, Duration.ofMillis(50)).filter(StillRunning.class::isInstance))
            .flatMap(found -> {
                if (found.isEmpty()) {
                    // the first request failed and released its key while we waited: a
                    // retry may redo it
                    return ProblemWriter.write(exchange.getResponse(), ApiProblem.field(ProblemType.CONFLICT, HEADER,
                            "not-in-progress", "the first request with this key did not complete; retry it"), json);
                }
                IdempotencyKeys.Stored stored = found.get();
                if (!stored.requestHash().equals(hash)) {
                    return ProblemWriter
                        .write(exchange.getResponse(),
                                ApiProblem.field(ProblemType.IDEMPOTENCY_KEY_REUSED, HEADER, "same-request",
                                        "was already used for a different request; use a new key for a new request"),
                                json);
                }
                return replay(exchange, stored);
            })
            .onErrorResume(e -> Exceptions.isRetryExhausted(e),
                    e -> ProblemWriter.write(exchange.getResponse(), ApiProblem.field(ProblemType.CONFLICT, HEADER,
                            "not-in-progress", "a request with this key is still being processed; retry shortly"),
                            json));
    }

    private Mono<Void> replay(ServerWebExchange exchange, IdempotencyKeys.Stored stored) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(
                Objects.requireNonNull(stored.status(), "only a completed key is replayed, and it holds its status")));
        Map<String, List<String>> headers = json.readValue(stored.headers(), new TypeReference<>() {
        });
        headers.forEach((name, values) -> response.getHeaders().put(name, values));
        response.getHeaders().set(REPLAYED, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        if (body.length == 0) {
            return response.setComplete();
        }
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The first request with this key: do the work and remember what was answered. */
    private Mono<Void> perform(ServerWebExchange exchange, WebFilterChain chain, String owner, String key,
            byte[] body) {
        AtomicBoolean settled = new AtomicBoolean();
        var request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        var response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(content).map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> remember(bytes).then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
            }

            @Override
            public Mono<Void> setComplete() {
                return remember(new byte[0]).then(super.setComplete());
            }

            private Mono<Void> remember(byte[] bytes) {
                if (!settled.compareAndSet(false, true)) {
                    return Mono.empty();
                }
                int status = getStatusCode() == null ? 200 : getStatusCode().value();
                // a refusal changed nothing, so it is not remembered either: a retry is
                // judged afresh,
                // and a refused request leaves no row behind (not even its echo of what
                // was sent)
                if (status >= 400) {
                    return keys.release(owner, key);
                }
                Map<String, List<String>> kept = new LinkedHashMap<>();
                getHeaders().forEach((name, values) -> {
                    if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                        kept.put(name, values);
                    }
                });
                return keys.complete(owner, key, status, json.writeValueAsString(kept), bytes);
            }
        };
        return chain.filter(exchange.mutate().request(request).response(response).build())
            .then(Mono.defer(() -> settled.compareAndSet(false, true) ? keys.release(owner, key) : Mono.empty()))
            .onErrorResume(e -> (settled.compareAndSet(false, true) ? keys.release(owner, key) : Mono.<Void>empty())
                .then(Mono.error(e)))
            .doOnCancel(() -> {
                if (settled.compareAndSet(false, true)) {
                    keys.release(owner, key).subscribe();
                }
            });
    }

    private static String hash(ServerWebExchange exchange, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getURI().getRawPath()
                    + "?" + exchange.getRequest().getURI().getRawQuery() + "\n")
                .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String remote(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        return address == null ? "unknown" : address.getAddress().getHostAddress();
    }

    private static final class StillRunning extends RuntimeException {

        StillRunning() {
            super(null, null, false, false);
        }

    }

}
