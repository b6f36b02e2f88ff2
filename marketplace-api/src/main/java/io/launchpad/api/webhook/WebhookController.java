package io.launchpad.api.webhook;

import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Limits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Webhooks")
class WebhookController {

    record NewWebhook(@NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> events,
            @Size(max = 200) String description) {
    }

    /** An endpoint; {@code secret} only in the answer to registering it. */
    record WebhookView(UUID id, String url, List<String> events, String description, Instant createdAt,
            @Nullable String secret) {

        static WebhookView of(WebhookRepository.Endpoint e, @Nullable String secret) {
            return new WebhookView(e.id(), e.url(), e.events(), e.description(), e.createdAt(), secret);
        }
    }

    record WebhookList(List<WebhookView> items, List<String> eventTypes) {
    }

    record AttemptView(int attempt, Instant at, Integer statusCode, String error, int durationMs) {
    }

    record DeliveryView(UUID id, String type, String status, int attempts, Instant createdAt,
            @Nullable Instant deliveredAt, @Nullable Instant nextAttemptAt, List<AttemptView> log) {

        static DeliveryView of(WebhookRepository.Delivery d, List<WebhookRepository.Attempt> attempts) {
            return new DeliveryView(d.id(), d.eventType(), d.status(), d.attempts(), d.createdAt(), d.deliveredAt(),
                    "pending".equals(d.status()) ? d.nextAttemptAt() : null,
                    attempts.stream()
                        .map(a -> new AttemptView(a.attempt(), a.attemptedAt(), a.statusCode(), a.error(),
                                a.durationMs()))
                        .toList());
        }
    }

    record DeliveryList(List<DeliveryView> items, @Nullable UUID nextBefore) {
    }

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Register an endpoint for the events chosen; the answer carries its signing secret, once")
    @ApiResponse(responseCode = "201", description = "Registered; Location names it", useReturnTypeSchema = true)
    @PostMapping("/api/v1/organisations/{id}/webhooks")
    Mono<ResponseEntity<WebhookView>> register(@PathVariable UUID id, @Valid @RequestBody NewWebhook body) {
        return Caller.current()
            .flatMap(caller -> webhooks.register(caller, id, body.url(), body.events(), body.description()))
            .map(registered -> ResponseEntity
                .created(URI.create("/api/v1/organisations/" + id + "/webhooks/" + registered.endpoint().id()))
                .body(WebhookView.of(registered.endpoint(), registered.secret())));
    }

    @Operation(summary = "The organisation's endpoints, and the event types there are")
    @GetMapping("/api/v1/organisations/{id}/webhooks")
    Mono<WebhookList> list(@PathVariable UUID id) {
        return Caller.current()
            .flatMap(caller -> webhooks.list(caller, id))
            .map(list -> new WebhookList(list.stream().map(e -> WebhookView.of(e, null)).toList(),
                    WebhookEventType.codes()));
    }

    @Operation(summary = "Remove an endpoint; its pending deliveries go with it")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/organisations/{id}/webhooks/{webhookId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable UUID id, @PathVariable UUID webhookId) {
        return Caller.current()
            .flatMap(caller -> webhooks.delete(caller, id, webhookId))
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

    @Operation(summary = "The endpoint's delivery log, newest first, each attempt with its status code")
    @GetMapping("/api/v1/organisations/{id}/webhooks/{webhookId}/deliveries")
    Mono<DeliveryList> deliveries(@PathVariable UUID id, @PathVariable UUID webhookId,
            @RequestParam(required = false) @Nullable UUID before,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = Limits.pageSize(limit);
        return Caller.current()
            .flatMap(caller -> webhooks.deliveries(caller, id, webhookId, before, size))
            .map(list -> new DeliveryList(list.stream().map(l -> DeliveryView.of(l.delivery(), l.attempts())).toList(),
                    list.size() == size ? list.getLast().delivery().id() : null));
    }

    @Operation(summary = "Send a delivery again, from now, with a fresh set of attempts")
    @ApiResponse(responseCode = "202", description = "Pending again", useReturnTypeSchema = true)
    @PostMapping("/api/v1/organisations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/replay")
    Mono<ResponseEntity<DeliveryView>> replay(@PathVariable UUID id, @PathVariable UUID webhookId,
            @PathVariable UUID deliveryId) {
        return Caller.current()
            .flatMap(caller -> webhooks.replay(caller, id, webhookId, deliveryId))
            .map(d -> ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(d, List.of())));
    }

}
