package io.launchpad.web.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One correlation id per page request, the same one the API logs: taken from a sane
 * incoming {@code X-Correlation-Id} (a proxy's) or made here, echoed on the response, put
 * in every log line written while serving the page ({@code correlationId} in the ECS
 * JSON) and sent on each API call ({@link #onApiCalls()}), where the API adopts it. The
 * W3C {@code traceparent} travels beside it (Micrometer Tracing), so both apps' lines
 * also share a trace id.
 */
@Component
public class CorrelationIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "correlationId";

    private static final Logger log = LoggerFactory.getLogger("io.launchpad.web.access");

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
        Hooks.enableAutomaticContextPropagation();
    }

    @Override
    public int getOrder() {
        // just inside the HTTP observation (HIGHEST_PRECEDENCE + 1), so the access line
        // carries its trace id,
        // and long before the security chain, so refusals get an id too
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            MDC.put(KEY, id);
            try {
                var status = exchange.getResponse().getStatusCode();
                log.info("{} {} {} {}ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                        status == null ? 200 : status.value(), (System.nanoTime() - started) / 1_000_000);
            }
            finally {
                MDC.remove(KEY);
            }
        }).contextWrite(context -> context.put(KEY, id));
    }

    /**
     * For the API client: adds the page request's correlation id to each call made while
     * serving it.
     */
    public static ExchangeFilterFunction onApiCalls() {
        return (request,
                next) -> Mono.deferContextual(context -> next.exchange(context.getOrEmpty(KEY)
                    .map(id -> ClientRequest.from(request).header(HEADER, id.toString()).build())
                    .orElse(request)));
    }

}
