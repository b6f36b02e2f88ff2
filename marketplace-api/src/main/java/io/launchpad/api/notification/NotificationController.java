package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The in-app feed, its live stream, alert preferences and saved searches. Everything is the caller's own. */
@RestController
class NotificationController {

    static final int FEED_SIZE = 50;

    /** How long a client of the live stream waits before reconnecting (the SSE {@code retry} field). */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

    record NotificationView(long id, String kind, String title, String link, Instant createdAt, Instant readAt) {
    }

    record Feed(List<NotificationView> items, long unread) {
    }

    record Preferences(@NotNull @Pattern(regexp = "instant|daily|weekly|off",
            message = "must be instant, daily, weekly or off") String alertFrequency) {
    }

    record SavedSearchFields(@SingleLine @Size(max = 200) String query, @KnownCode(Vocabulary.CATEGORY) String category,
            @KnownCode(Vocabulary.REGION) String region,
            @NotNull @Pattern(regexp = "instant|daily|weekly", message = "must be instant, daily or weekly")
            String frequency) {
    }

    record SavedSearch(UUID id, String query, String category, String region, String frequency, Instant createdAt) {
    }

    record SavedSearches(List<SavedSearch> items) {
    }

    private final DatabaseClient db;
    private final Duration streamPoll;

    NotificationController(DatabaseClient db,
            @org.springframework.beans.factory.annotation.Value("${launchpad.notifications.stream-poll:PT2S}")
            Duration streamPoll) {
        this.db = db;
        this.streamPoll = streamPoll;
    }

    @GetMapping("/api/v1/notifications")
    Mono<Feed> feed() {
        return signedIn().flatMap(caller -> feedItems(caller.subject(), 0).collectList()
                .zipWith(db.sql("select count(*) as n from notification where recipient_subject = :s and read_at is null")
                        .bind("s", caller.subject()).map(row -> row.get("n", Long.class)).one())
                .map(both -> new Feed(both.getT1(), both.getT2())));
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Marked read")
    Mono<ResponseEntity<Void>> markRead(@io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable("id") String text) {
        return signedIn().flatMap(caller -> Mono.fromCallable(() -> io.launchpad.api.web.RowIds.parse(text, "a notification"))
                .flatMap(id -> db.sql("""
                                update notification set read_at = coalesce(read_at, now())
                                where id = :id and recipient_subject = :s""").bind("id", id).bind("s", caller.subject())
                        .fetch().rowsUpdated()
                        .flatMap(rows -> rows == 1 ? Mono.just(ResponseEntity.noContent().<Void>build())
                                : Mono.error(ApiProblem.notFound("Notification " + id)))));
    }

    @PostMapping("/api/v1/notifications/read")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "All marked read")
    Mono<ResponseEntity<Void>> markAllRead() {
        return signedIn().flatMap(caller -> db.sql(
                        "update notification set read_at = now() where recipient_subject = :s and read_at is null")
                .bind("s", caller.subject()).then())
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * Live updates. Each instance reads the shared table from the last id it sent, so a
     * notification fanned out on any instance reaches a stream held open on any other.
     */
    @GetMapping(value = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<NotificationView>> stream(
            @org.springframework.web.bind.annotation.RequestHeader(name = "Last-Event-ID", required = false)
            Long lastEventId) {
        return signedIn().flatMapMany(caller -> {
            AtomicLong after = new AtomicLong(lastEventId == null ? -1 : lastEventId);
            Mono<Long> start = after.get() >= 0 ? Mono.just(after.get())
                    : db.sql("select coalesce(max(id), 0) as id from notification where recipient_subject = :s")
                            .bind("s", caller.subject()).map(row -> row.get("id", Long.class)).one();
            // sent at once: the client sees the headers now (not at the first notification, up to
            // 30 s away) and learns how soon to reconnect if the stream drops
            ServerSentEvent<NotificationView> opened = ServerSentEvent.<NotificationView>builder()
                    .comment("stream open").retry(RECONNECT_AFTER).build();
            return Flux.concat(Mono.just(opened), start.doOnNext(after::set).thenMany(Flux.interval(Duration.ZERO, streamPoll)
                    // a tick the client is not ready for waits as the latest (it only says "look again"):
                    // interval fails outright when it finds no demand, and concatMap asks for one at a time
                    .onBackpressureLatest()
                    .concatMap(tick -> feedItems(caller.subject(), after.get())
                            .sort(java.util.Comparator.comparingLong(NotificationView::id))
                            .doOnNext(n -> after.accumulateAndGet(n.id(), Math::max))
                            .map(n -> ServerSentEvent.builder(n).id(Long.toString(n.id())).event("notification").build())
                            .switchIfEmpty(tick % 15 == 14 ? Mono.just(ServerSentEvent.<NotificationView>builder()
                                    .comment("keep-alive").build()) : Mono.empty()))));
        });
    }

    @PutMapping("/api/v1/notifications/preferences")
    Mono<Preferences> preferences(@Valid @RequestBody Preferences preferences) {
        return signedIn().flatMap(caller -> {
            var spec = db.sql("""
                    insert into person (subject, email, alert_frequency) values (:s, :email, :f)
                    on conflict (subject) do update set alert_frequency = excluded.alert_frequency, updated_at = now()""")
                    .bind("s", caller.subject()).bind("f", preferences.alertFrequency());
            spec = caller.email() == null ? spec.bindNull("email", String.class) : spec.bind("email", caller.email());
            return spec.then();
        }).thenReturn(preferences);
    }

    @PostMapping("/api/v1/saved-searches")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Saved; Location names the saved search", useReturnTypeSchema = true)
    Mono<ResponseEntity<SavedSearch>> saveSearch(@Valid @RequestBody SavedSearchFields fields) {
        String query = fields.query() == null || fields.query().isBlank() ? null : fields.query().strip();
        if (query == null && fields.category() == null && fields.region() == null) {
            return Mono.error(ApiProblem.invalid("query", "at-least-one-filter",
                    "name a query, a category or a region, or every challenge would match"));
        }
        UUID id = UUID.randomUUID();
        return signedIn().flatMap(caller -> {
            var spec = db.sql("""
                    insert into saved_search (id, subject, query, category, region, frequency)
                    values (:id, :s, :query, :category, :region, :frequency)""")
                    .bind("id", id).bind("s", caller.subject()).bind("frequency", fields.frequency());
            spec = query == null ? spec.bindNull("query", String.class) : spec.bind("query", query);
            spec = fields.category() == null ? spec.bindNull("category", String.class) : spec.bind("category", fields.category());
            spec = fields.region() == null ? spec.bindNull("region", String.class) : spec.bind("region", fields.region());
            return spec.then().then(savedSearches(caller.subject()).filter(s -> s.id().equals(id)).next());
        }).map(saved -> ResponseEntity.created(URI.create("/api/v1/saved-searches/" + id)).body(saved));
    }

    @GetMapping("/api/v1/saved-searches")
    Mono<SavedSearches> savedSearches() {
        return signedIn().flatMap(caller -> savedSearches(caller.subject()).collectList()).map(SavedSearches::new);
    }

    @DeleteMapping("/api/v1/saved-searches/{id}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Deleted")
    Mono<ResponseEntity<Void>> deleteSearch(@PathVariable UUID id) {
        return signedIn().flatMap(caller -> db.sql("delete from saved_search where id = :id and subject = :s")
                        .bind("id", id).bind("s", caller.subject()).fetch().rowsUpdated())
                .flatMap(rows -> rows == 1 ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(ApiProblem.notFound("Saved search " + id)));
    }

    /**
     * One-click unsubscribe (RFC 8058) from the link in an email; the token is the credential. A
     * person's token stops challenge alerts by email (profile matches and saved searches, including
     * any digest not yet sent); a saved search's token removes that search.
     */
    @PostMapping("/api/v1/notifications/unsubscribe")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Unsubscribed")
    Mono<ResponseEntity<Void>> unsubscribe(@RequestParam UUID token) {
        Mono<Long> person = db.sql("""
                        with p as (update person set alert_frequency = 'off', updated_at = now()
                                   where unsubscribe_token = :t returning subject),
                             s as (delete from saved_search where subject in (select subject from p)),
                             n as (update notification set frequency = 'none'
                                   where recipient_subject in (select subject from p) and emailed_at is null
                                     and kind = 'challenge-published')
                        select count(*) as n from p""")
                .bind("t", token).map(row -> row.get("n", Long.class)).one();
        Mono<Long> search = db.sql("delete from saved_search where unsubscribe_token = :t").bind("t", token)
                .fetch().rowsUpdated();
        return person.zipWith(search).flatMap(both -> both.getT1() + both.getT2() > 0
                ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiProblem.field(ProblemType.NOT_FOUND, "token", "known-token",
                        "this unsubscribe link is not known (it may have been used already)")));
    }

    private Flux<NotificationView> feedItems(String subject, long afterId) {
        return db.sql("""
                        select id, kind, title, link, created_at, read_at from notification
                        where recipient_subject = :s and id > :after order by id desc limit :limit""")
                .bind("s", subject).bind("after", afterId).bind("limit", FEED_SIZE)
                .map(row -> new NotificationView(row.get("id", Long.class), row.get("kind", String.class),
                        row.get("title", String.class), row.get("link", String.class),
                        row.get("created_at", Instant.class), row.get("read_at", Instant.class)))
                .all().as(Rows::whole);
    }

    private Flux<SavedSearch> savedSearches(String subject) {
        return db.sql("select * from saved_search where subject = :s order by created_at").bind("s", subject)
                .map(row -> new SavedSearch(row.get("id", UUID.class), row.get("query", String.class),
                        row.get("category", String.class), row.get("region", String.class),
                        row.get("frequency", String.class), row.get("created_at", Instant.class)))
                .all().as(Rows::whole);
    }

    private static Mono<Caller> signedIn() {
        return Caller.current().flatMap(caller -> caller.isAnonymous()
                ? Mono.error(ApiProblem.of(ProblemType.UNAUTHENTICATED, "Sign in to see your notifications"))
                : Mono.just(caller));
    }
}
