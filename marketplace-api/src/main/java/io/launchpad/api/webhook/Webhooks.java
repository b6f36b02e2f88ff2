package io.launchpad.api.webhook;

import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.FieldViolation;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks (issue 14, item 4): an organisation's members register endpoints for the
 * events they choose, read each endpoint's delivery log and replay a delivery. The secret
 * is shown once, when the endpoint is registered; a lost secret means registering the
 * endpoint again.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Endpoints per organisation: enough for a few systems and their test copies. */
    static final int MAX_ENDPOINTS = 10;

    private final WebhookRepository repository;

    private final Organisations organisations;

    private final WebhookAddresses addresses;

    private final WebhookProperties properties;

    Webhooks(WebhookRepository repository, Organisations organisations, WebhookProperties properties) {
        this.repository = repository;
        this.organisations = organisations;
        this.properties = properties;
        this.addresses = new WebhookAddresses(properties.allowLocalAddresses());
    }

    record Registered(WebhookRepository.Endpoint endpoint, String secret) {
    }

    Mono<Registered> register(Caller caller, UUID organisationId, String url, List<String> events, String description) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (WebhookEventType.ofCode(events.get(i)).isEmpty()) {
                unknown.add(new FieldViolation("events[" + i + "]", "known-event",
                        "must be one of " + String.join(", ", WebhookEventType.codes())));
            }
        }
        if (!unknown.isEmpty()) {
            return Mono.error(ApiProblem.fields(ProblemType.VALIDATION_FAILED, unknown, HttpHeaders.EMPTY));
        }
        return member(caller, organisationId)
            // resolving the host blocks: off the event loop
            .flatMap(organisation -> Mono.fromCallable(() -> addresses.check(url))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(checked -> repository.forOrganisation(organisationId).count().flatMap(count -> {
                    if (count >= MAX_ENDPOINTS) {
                        return Mono.error(ApiProblem.field(ProblemType.CONFLICT, "url", "endpoint-limit",
                                "an organisation may register at most " + MAX_ENDPOINTS + " endpoints"));
                    }
                    String secret = "whsec_" + secret();
                    return repository
                        .insert(UUID.randomUUID(), organisationId, checked.toString(),
                                List.copyOf(new LinkedHashSet<>(events)),
                                description == null ? "" : description.strip(), secret)
                        .map(endpoint -> new Registered(endpoint, secret));
                })));
    }

    Mono<List<WebhookRepository.Endpoint>> list(Caller caller, UUID organisationId) {
        return member(caller, organisationId).flatMap(o -> repository.forOrganisation(organisationId).collectList());
    }

    Mono<Void> delete(Caller caller, UUID organisationId, UUID id) {
        return member(caller, organisationId).flatMap(o -> repository.delete(organisationId, id))
            .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(ApiProblem.notFound("Webhook " + id)));
    }

    record DeliveryLog(WebhookRepository.Delivery delivery, List<WebhookRepository.Attempt> attempts) {
    }

    /**
     * Newest first; {@code before} is the id of the last delivery of the previous page.
     */
    Mono<List<DeliveryLog>> deliveries(Caller caller, UUID organisationId, UUID id, @Nullable UUID before, int limit) {
        return endpoint(caller, organisationId, id).flatMap(endpoint -> (before == null ? Mono.just(Long.MAX_VALUE)
                : repository.sequenceOf(before)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.field(ProblemType.INVALID_PARAMETER, "before",
                            "known-delivery", "is not a delivery of this webhook"))))
            .flatMap(sequence -> repository.deliveries(endpoint.id(), sequence, limit)
                .concatMap(d -> repository.attempts(d.id()).map(a -> new DeliveryLog(d, a)))
                .collectList()));
    }

    Mono<WebhookRepository.Delivery> replay(Caller caller, UUID organisationId, UUID id, UUID deliveryId) {
        return endpoint(caller, organisationId, id)
            .flatMap(endpoint -> repository.replay(endpoint.id(), deliveryId, properties.maxAttempts()))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Delivery " + deliveryId)));
    }

    private Mono<WebhookRepository.Endpoint> endpoint(Caller caller, UUID organisationId, UUID id) {
        return member(caller, organisationId).flatMap(o -> repository.find(organisationId, id))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Webhook " + id)));
    }

    /** Only the organisation's own members (and admins) see or change its webhooks. */
    private Mono<Organisation> member(Caller caller, UUID organisationId) {
        return organisations.find(organisationId)
            .filterWhen(organisation -> organisations.mayActFor(caller, organisation))
            .switchIfEmpty(
                    Mono.error(() -> ApiProblem.forbidden("Only the organisation's members manage its webhooks")));
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
