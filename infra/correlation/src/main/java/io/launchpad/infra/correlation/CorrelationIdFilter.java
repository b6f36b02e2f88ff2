package io.launchpad.infra.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
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
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is
 * sane (a proxy's, or the web's on its API calls), otherwise a new UUID. It is echoed on
 * every response (errors included, since this runs before the security chain) and carried
 * in the Reactor context, from which context propagation copies it into the MDC, so every
 * log line written while serving the request (ECS JSON) names it as
 * {@code correlationId}. One access line per request is logged here too, to the logger
 * the app names ({@code io.launchpad.api.access}, {@code io.launchpad.web.access}).
 * <p>
 * The web sends its page request's id on each API call ({@link #onApiCalls()}), where the
 * API adopts it. The W3C {@code traceparent} travels beside it (Micrometer Tracing), so
 * both apps' lines also share a trace id.
 * <p>
 * Not a component: each app declares one as a bean, naming its access logger.
 */
public final class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";

    public static final String KEY = "correlationId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static {
        ContextRegistry.getInstance()
            .registerThreadLocalAccessor(KEY, () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
        // hooks are global; Boot also sets this from
        // spring.reactor.context-propagation=auto
        Hooks.enableAutomaticContextPropagation();
    }

    private final Logger accessLog;

    /**
     * @param accessLoggerName the logger the access lines go to, one per app so they can
     * be told apart and tuned separately
     */
    public CorrelationIdFilter(String accessLoggerName) {
        this.accessLog = LoggerFactory.getLogger(accessLoggerName);
    }

    @Override
    public int getOrder() {
        // just inside the HTTP observation (HIGHEST_PRECEDENCE + 1), so the access line
        // carries its trace id, and long before the security chain, so refusals get an
        // id too
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
                this.accessLog.info("{} {} {} {}ms", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), status == null ? 200 : status.value(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            finally {
                MDC.remove(KEY);
            }
        }).contextWrite(context -> context.put(KEY, id));
    }

    /**
     * For the web's API client: adds the page request's correlation id to each call made
     * while serving it.
     */
    public static ExchangeFilterFunction onApiCalls() {
        return (request,
                next) -> Mono.deferContextual(context -> next.exchange(context.getOrEmpty(KEY)
                    .map(id -> ClientRequest.from(request).header(HEADER, id.toString()).build())
                    .orElse(request)));
    }

}
