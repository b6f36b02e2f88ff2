package io.launchpad.api.notification;

import io.launchpad.api.input.SingleLine;
import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.api.taxonomy.KnownCode;
import io.launchpad.api.taxonomy.Vocabulary;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import io.launchpad.api.web.RowIds;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Comparator;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The in-app feed, its live stream, alert preferences and saved searches. Everything is
 * the caller's own.
 */
@RestController
class NotificationController {

    static final int FEED_SIZE = 50;

    /**
     * How long a client of the live stream waits before reconnecting (the SSE
     * {@code retry} field).
     */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

    record Feed(List<NotificationView> items, long unread) {
    }

    record Preferences(@NotNull @Pattern(regexp = "instant|daily|weekly|off",
            message = "must be instant, daily, weekly or off") String alertFrequency) {
    }

    record SavedSearchFields(@SingleLine @Size(max = 200) @Nullable String query,
            @KnownCode(Vocabulary.CATEGORY) @Nullable String category,
            @KnownCode(Vocabulary.REGION) @Nullable String region, @NotNull @Pattern(regexp = "instant|daily|weekly",
                    message = "must be instant, daily or weekly") String frequency) {
    }

    record SavedSearches(List<SavedSearch> items) {
    }

    private final NotificationFeed notifications;

    private final SavedSearchRepository savedSearches;

    private final AlertSubscriptions alerts;

    private final Duration streamPoll;

    NotificationController(NotificationFeed notifications, SavedSearchRepository savedSearches,
            AlertSubscriptions alerts, @Value("${launchpad.notifications.stream-poll:PT2S}") Duration streamPoll) {
        this.notifications = notifications;
        this.savedSearches = savedSearches;
        this.alerts = alerts;
        this.streamPoll = streamPoll;
    }

    @GetMapping("/api/v1/notifications")
    Mono<Feed> feed() {
        return signedIn().flatMap(caller -> notifications.after(caller.subject(), 0, FEED_SIZE)
            .collectList()
            .zipWith(notifications.unread(caller.subject()))
            .map(both -> new Feed(both.getT1(), both.getT2())));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ApiResponse(responseCode = "204", description = "Marked read")
    Mono<ResponseEntity<Void>> markRead(@Parameter(
            schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable("id") String text) {
        return signedIn().flatMap(caller -> Mono.fromCallable(() -> RowIds.parse(text, "a notification"))
            .flatMap(id -> notifications.markRead(id, caller.subject())
                .flatMap(found -> found ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ApiProblem.notFound("Notification " + id)))));
    }

    @PostMapping("/api/v1/notifications/read")
    @ApiResponse(responseCode = "204", description = "All marked read")
    Mono<ResponseEntity<Void>> markAllRead() {
        return signedIn().flatMap(caller -> notifications.markAllRead(caller.subject()))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * Live updates. Each instance reads the shared table from the last id it sent, so a
     * notification fanned out on any instance reaches a stream held open on any other.
     */
    @GetMapping(value = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<NotificationView>> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId) {
        return signedIn().flatMapMany(caller -> {
            AtomicLong after = new AtomicLong(lastEventId == null ? -1 : lastEventId);
            Mono<Long> start = after.get() >= 0 ? Mono.just(after.get()) : notifications.latestId(caller.subject());
            // sent at once: the client sees the headers now (not at the first
            // notification, up to
            // 30 s away) and learns how soon to reconnect if the stream drops
            ServerSentEvent<NotificationView> opened = ServerSentEvent.<NotificationView>builder()
                .comment("stream open")
                .retry(RECONNECT_AFTER)
                .build();
            return Flux.concat(Mono.just(opened), start.doOnNext(after::set)
                .thenMany(Flux.interval(Duration.ZERO, streamPoll)
                    // a tick the client is not ready for waits as the latest (it only
                    // says "look again"):
                    // interval fails outright when it finds no demand, and concatMap asks
                    // for one at a time
                    .onBackpressureLatest()
                    .concatMap(tick -> notifications.after(caller.subject(), after.get(), FEED_SIZE)
                        .sort(Comparator.comparingLong(NotificationView::id))
                        .doOnNext(n -> after.accumulateAndGet(n.id(), Math::max))
                        .map(n -> ServerSentEvent.builder(n).id(Long.toString(n.id())).event("notification").build())
                        .switchIfEmpty(tick % 15 == 14
                                ? Mono.just(ServerSentEvent.<NotificationView>builder().comment("keep-alive").build())
                                : Mono.empty()))));
        });
    }

    @PutMapping("/api/v1/notifications/preferences")
    Mono<Preferences> preferences(@Valid @RequestBody Preferences preferences) {
        return signedIn()
            .flatMap(caller -> alerts.setFrequency(caller.subject(), caller.email(), preferences.alertFrequency()))
            .thenReturn(preferences);
    }

    @PostMapping("/api/v1/saved-searches")
    @ApiResponse(responseCode = "201", description = "Saved; Location names the saved search",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<SavedSearch>> saveSearch(@Valid @RequestBody SavedSearchFields fields) {
        String query = fields.query() == null || fields.query().isBlank() ? null : fields.query().strip();
        if (query == null && fields.category() == null && fields.region() == null) {
            return Mono.error(ApiProblem.invalid("query", "at-least-one-filter",
                    "name a query, a category or a region, or every challenge would match"));
        }
        UUID id = UUID.randomUUID();
        return signedIn()
            .flatMap(caller -> savedSearches.insert(id, caller.subject(), query, fields.category(), fields.region(),
                    fields.frequency()))
            .map(saved -> ResponseEntity.created(URI.create("/api/v1/saved-searches/" + id)).body(saved));
    }

    @GetMapping("/api/v1/saved-searches")
    Mono<SavedSearches> savedSearches() {
        return signedIn().flatMap(caller -> savedSearches.ownedBy(caller.subject()).collectList())
            .map(SavedSearches::new);
    }

    @DeleteMapping("/api/v1/saved-searches/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> deleteSearch(@PathVariable UUID id) {
        return signedIn().flatMap(caller -> savedSearches.delete(id, caller.subject()))
            .flatMap(found -> found ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(ApiProblem.notFound("Saved search " + id)));
    }

    /**
     * One-click unsubscribe (RFC 8058) from the link in an email; the token is the
     * credential. A person's token stops challenge alerts by email (profile matches and
     * saved searches, including any digest not yet sent); a saved search's token removes
     * that search.
     */
    @PostMapping("/api/v1/notifications/unsubscribe")
    @ApiResponse(responseCode = "204", description = "Unsubscribed")
    Mono<ResponseEntity<Void>> unsubscribe(@RequestParam UUID token) {
        return alerts.unsubscribe(token)
            .flatMap(known -> known ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(ApiProblem.field(ProblemType.NOT_FOUND, "token", "known-token",
                            "this unsubscribe link is not known (it may have been used already)")));
    }

    private static Mono<Caller> signedIn() {
        return Caller.current()
            .flatMap(caller -> caller.isAnonymous()
                    ? Mono.error(ApiProblem.of(ProblemType.UNAUTHENTICATED, "Sign in to see your notifications"))
                    : Mono.just(caller));
    }

}
