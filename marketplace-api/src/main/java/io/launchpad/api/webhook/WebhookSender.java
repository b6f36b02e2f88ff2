package io.launchpad.api.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends due deliveries: each signed, each attempt logged with its status code, failures
 * retried with exponential backoff until the endpoint's attempts run out. No call is made
 * inside a transaction, redirects are not followed, and the address is checked again
 * before each call.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookRepository repository;

    private final WebhookProperties properties;

    private final WebhookAddresses addresses;

    private final WebClient client;

    private final Clock clock;

    private final MeterRegistry meters;

    WebhookSender(WebhookRepository repository, WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.addresses = new WebhookAddresses(properties.allowLocalAddresses());
        this.clock = clock;
        this.meters = meters;
        this.client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(
                    HttpClient.create().followRedirect(false).responseTimeout(properties.timeout())))
            .build();
    }

    @Scheduled(fixedDelayString = "${launchpad.webhooks.send-interval:PT1S}")
    void scheduled() {
        try {
            send().block(Duration.ofMinutes(2));
        }
        catch (RuntimeException e) {
            log.atWarn().setCause(e).log("webhook sending failed");
        }
    }

    /**
     * One round: every due delivery gets one attempt; returns how many were attempted.
     */
    Mono<Long> send() {
        return repository.claim(20, properties.timeout().plusSeconds(30)).flatMap(this::attempt, 4).count();
    }

    private Mono<Void> attempt(WebhookRepository.Claimed claimed) {
        long started = System.nanoTime();
        String problem = addresses.addressProblem(URI.create(claimed.url()).getHost());
        Mono<Integer> call = problem != null ? Mono.error(new IllegalStateException(problem))
                : client.post()
                    .uri(URI.create(claimed.url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(WebhookSignature.HEADER,
                            WebhookSignature.header(claimed.secret(), clock.instant(), claimed.payload()))
                    .header("Launchpad-Delivery", claimed.id().toString())
                    .bodyValue(claimed.payload())
                    .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                    .timeout(properties.timeout());
        return call.map(code -> new Outcome(code, null))
            .onErrorResume(e -> Mono.just(new Outcome(null, describe(e))))
            .flatMap(outcome -> {
                int ms = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
                boolean delivered = outcome.code() != null && outcome.code() >= 200 && outcome.code() < 300;
                meters.counter("launchpad.webhooks.attempts", "outcome", delivered ? "delivered" : "failed")
                    .increment();
                if (!delivered) {
                    log.atInfo()
                        .addKeyValue("delivery", claimed.id())
                        .addKeyValue("attempt", claimed.attempts())
                        .addKeyValue("status", outcome.code())
                        .addKeyValue("error", outcome.error())
                        .log("webhook attempt failed");
                }
                return repository.recordAttempt(claimed, outcome.code(), outcome.error(), ms,
                        properties.backoff(claimed.attempts()));
            });
    }

    private record Outcome(@Nullable Integer code, @Nullable String error) {
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

}
