package io.launchpad.api.contract;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Deprecated aliases keep answering, exactly as their successor, until their sunset, and
 * say so on every response: {@code Deprecation} (RFC 9745, the date it was deprecated),
 * {@code Sunset} (RFC 8594, the date it stops answering) and {@code Link} to the
 * successor and to the policy. The OpenAPI document lists each alias as a deprecated copy
 * of its successor's operations.
 */
@Component
class Deprecations implements WebFilter, Ordered {

    /** An old path that now means the successor. */
    record Alias(String path, String successor, Instant deprecated, Instant sunset) {
    }

    static final List<Alias> ALIASES = List.of(
            // /profile was the first name of /me; kept for clients released before it was
            // renamed
            new Alias("/api/v1/profile", "/api/v1/me", Instant.parse("2026-11-22T00:00:00Z"),
                    Instant.parse("2027-06-30T00:00:00Z")));

    static final String POLICY = "https://launchpad.example/docs/api-guide#versioning-and-deprecation";

    @Override
    public int getOrder() {
        // before the security chain, so the successor's rules apply to the alias too
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        for (Alias alias : ALIASES) {
            // only reads: a deprecated alias must never become a second way to change or
            // delete data
            if (alias.path().equals(path) && (exchange.getRequest().getMethod() == HttpMethod.GET
                    || exchange.getRequest().getMethod() == HttpMethod.HEAD)) {
                var headers = exchange.getResponse().getHeaders();
                headers.set("Deprecation", "@" + alias.deprecated().getEpochSecond());
                headers.set("Sunset",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(alias.sunset().atOffset(ZoneOffset.UTC)));
                headers.add("Link", "<" + alias.successor() + ">; rel=\"successor-version\"");
                headers.add("Link", "<" + POLICY + ">; rel=\"deprecation\"; type=\"text/html\"");
                ServerHttpRequest rewritten = exchange.getRequest().mutate().path(alias.successor()).build();
                return chain.filter(exchange.mutate().request(rewritten).build());
            }
        }
        return chain.filter(exchange);
    }

}
