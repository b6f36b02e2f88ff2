package io.launchpad.infra.correlation;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    private static final String ACCESS_LOGGER = "io.launchpad.test.access";

    private final CorrelationIdFilter filter = new CorrelationIdFilter(ACCESS_LOGGER);

    private final ListAppender<ILoggingEvent> accessLines = new ListAppender<>();

    @BeforeEach
    void listenToTheAccessLogger() {
        this.accessLines.start();
        ((Logger) LoggerFactory.getLogger(ACCESS_LOGGER)).addAppender(this.accessLines);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ACCESS_LOGGER)).detachAppender(this.accessLines);
    }

    @Test
    void aSaneIncomingIdIsEchoedAndNamedOnTheAccessLine() {
        MockServerWebExchange exchange = exchange("proxy-1:a.b_c-D");
        this.filter.filter(exchange, answering(HttpStatus.NOT_FOUND)).block();

        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER))
            .isEqualTo("proxy-1:a.b_c-D");
        assertThat(this.accessLines.list).singleElement().satisfies(line -> {
            assertThat(line.getLoggerName()).isEqualTo(ACCESS_LOGGER);
            assertThat(line.getFormattedMessage()).matches("GET /pages/one 404 [0-9]+ms");
            assertThat(line.getMDCPropertyMap()).containsEntry(CorrelationIdFilter.KEY, "proxy-1:a.b_c-D");
        });
        assertThat(MDC.get(CorrelationIdFilter.KEY)).as("left behind on the thread").isNull();
    }

    @Test
    void anInsaneOrMissingIdIsReplacedByAUuid() {
        for (String insane : new String[] { "bad id", "tab\tted", "x".repeat(129), "", "ü", null }) {
            MockServerWebExchange exchange = exchange(insane);
            this.filter.filter(exchange, answering(HttpStatus.OK)).block();
            assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER)).as(insane)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
        String longest = "x".repeat(128);
        MockServerWebExchange exchange = exchange(longest);
        this.filter.filter(exchange, answering(HttpStatus.OK)).block();
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER)).isEqualTo(longest);
    }

    @Test
    void theIdIsInTheMdcWhileTheRequestIsServedOnAnotherThread() {
        AtomicReference<String> seen = new AtomicReference<>();
        WebFilterChain chain = exchange -> Mono.delay(Duration.ofMillis(5))
            .doOnNext(tick -> seen.set(MDC.get(CorrelationIdFilter.KEY)))
            .then();
        this.filter.filter(exchange("on-a-timer"), chain).block();
        assertThat(seen).hasValue("on-a-timer");
    }

    @Test
    void apiCallsMadeWhileServingARequestCarryItsId() {
        List<ClientRequest> sent = new ArrayList<>();
        ExchangeFunction api = request -> {
            sent.add(request);
            return Mono.just(ClientResponse.create(HttpStatus.OK).build());
        };
        ClientRequest call = ClientRequest.create(HttpMethod.GET, URI.create("http://api.test/api/v1/taxonomy"))
            .build();
        WebFilterChain page = exchange -> CorrelationIdFilter.onApiCalls().filter(call, api).then();

        MockServerWebExchange exchange = exchange(null);
        this.filter.filter(exchange, page).block();
        CorrelationIdFilter.onApiCalls()
            .filter(call, api)
            .contextWrite(Context.of(CorrelationIdFilter.KEY, "given"))
            .block();
        CorrelationIdFilter.onApiCalls().filter(call, api).block();

        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).headers().getFirst(CorrelationIdFilter.HEADER)).as("the page's own id")
            .isNotNull()
            .isEqualTo(exchange.getResponse().getHeaders().getFirst(CorrelationIdFilter.HEADER));
        assertThat(sent.get(1).headers().getFirst(CorrelationIdFilter.HEADER)).isEqualTo("given");
        assertThat(sent.get(2).headers().containsHeader(CorrelationIdFilter.HEADER)).as("outside a request").isFalse();
    }

    private static MockServerWebExchange exchange(String correlationId) {
        var request = MockServerHttpRequest.get("/pages/one");
        if (correlationId != null) {
            request.header(CorrelationIdFilter.HEADER, correlationId);
        }
        return MockServerWebExchange.from(request);
    }

    private static WebFilterChain answering(HttpStatus status) {
        return exchange -> {
            exchange.getResponse().setStatusCode(status);
            return exchange.getResponse().setComplete();
        };
    }

}
