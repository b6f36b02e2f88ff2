package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.time.OffsetDateTime;

/**
 * Turns recorded events into one notification per person. Events are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several API instances share the work, and the unique
 * (event, recipient) pair means nobody hears of one event twice.
 */
@Component
class NotificationFanOut {

    private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);

    record Recipient(String subject, String frequency) {
    }

    private record PendingEvent(long id, String kind, UUID challengeId, UUID subjectId, String title,
            UUID organisationId, String link, Instant createdAt) {
    }

    private final DatabaseClient db;

    private final TransactionalOperator transaction;

    private final ChallengeAudience audience;

    private final ChallengeFollowers followers;

    private final Timer lag;

    NotificationFanOut(DatabaseClient db, ReactiveTransactionManager transactions, ChallengeAudience audience,
            ChallengeFollowers followers, MeterRegistry meters) {
        this.lag = Timer.builder("launchpad.notifications.fanout.lag")
            .description("From an event being recorded to its notifications existing (committed)")
            .publishPercentileHistogram()
            .register(meters);
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
        this.audience = audience;
        this.followers = followers;
    }

    @Scheduled(fixedDelayString = "${launchpad.notifications.fan-out-interval:PT2S}")
    void scheduled() {
        try {
            fanOut().block(Duration.ofMinutes(1));
        }
        catch (RuntimeException e) {
            // the events stay pending and are retried on the next run
            log.atWarn().setCause(e).log("notification fan-out failed");
        }
    }

    /** Fans out every pending event; returns how many notifications were created. */
    Mono<Long> fanOut() {
        return batch().expand(created -> created.events() == 0 ? Mono.empty() : batch())
            .map(Batch::notifications)
            .reduce(0L, Long::sum);
    }

    private record Batch(int events, long notifications, List<Instant> recorded) {
    }

    private record FannedOut(long notifications, Instant recorded) {
    }

    private Mono<Batch> batch() {
        return db
            .sql("""
                    select id, kind, challenge_id, subject_id, title, organisation_id, link, created_at from notification_event
                    where fanned_out_at is null order by id limit 20 for update skip locked""")
            .map(row -> new PendingEvent(row.get("id", Long.class), row.get("kind", String.class),
                    row.get("challenge_id", UUID.class), row.get("subject_id", UUID.class),
                    row.get("title", String.class), row.get("organisation_id", UUID.class),
                    row.get("link", String.class), row.get("created_at", OffsetDateTime.class).toInstant()))
            .all()
            .as(Rows::whole)
            // the event's whole audience is known before the first row is written (see
            // Rows)
            .concatMap(event -> recipients(event).collectList()
                .flatMap(recipients -> insert(event, recipients))
                .flatMap(count -> db.sql("update notification_event set fanned_out_at = now() where id = :id")
                    .bind("id", event.id())
                    .then()
                    .thenReturn(new FannedOut(count, event.createdAt()))))
            .collectList()
            .map(done -> new Batch(done.size(), done.stream().mapToLong(FannedOut::notifications).sum(),
                    done.stream().map(FannedOut::recorded).toList()))
            .as(transaction::transactional)
            // measured once committed: a rolled-back batch told nobody
            .doOnNext(batch -> {
                Instant now = Instant.now();
                batch.recorded().forEach(recorded -> lag.record(Duration.between(recorded, now)));
            });
    }

    /**
     * One statement for the event's whole audience; someone already told (a retried
     * batch) is skipped.
     */
    private Mono<Long> insert(PendingEvent event, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                insert into notification (event_id, recipient_subject, kind, title, link, frequency)
                select :event, r.subject, :kind, :title, :link, r.frequency
                from unnest(cast(:subjects as text[]), cast(:frequencies as text[])) as r(subject, frequency)
                on conflict (event_id, recipient_subject) do nothing""")
            .bind("event", event.id())
            .bind("kind", event.kind())
            .bind("title", event.title())
            .bind("link", link(event))
            .bind("subjects", recipients.stream().map(Recipient::subject).toArray(String[]::new))
            .bind("frequencies", recipients.stream().map(Recipient::frequency).toArray(String[]::new))
            .fetch()
            .rowsUpdated();
    }

    private static String link(PendingEvent event) {
        if (event.link() != null) {
            return event.link();
        }
        return switch (event.kind()) {
            case "response-outcome" -> "/responses/" + event.subjectId();
            case "milestone-due" -> "/pilots";
            case "question-window-closing", "question-asked" -> "/challenges/" + event.challengeId() + "/questions";
            case "response-submitted" -> "/challenges/" + event.challengeId() + "/evaluate";
            case "application-decided" -> "/candidate/applications";
            default -> "/challenges/" + event.challengeId();
        };
    }

    /**
     * Everyone who should hear of the event, each once, with how they want to be emailed.
     */
    private Flux<Recipient> recipients(PendingEvent event) {
        Flux<Recipient> all = switch (event.kind()) {
            case "challenge-published" ->
                Flux.concat(matchedSuppliers(event.challengeId()), savedSearches(event.challengeId()));
            case "answer-published", "closing-soon", "challenge-closed-early" ->
                Flux.concat(followers(event.challengeId()), engagedSuppliers(event.challengeId()));
            // the first of a person's rows wins: followers and engaged suppliers hear
            // instantly, and a
            // matched supplier who switched alerts off still sees it in the feed
            case "question-window-closing" -> Flux.concat(followers(event.challengeId()),
                    engagedSuppliers(event.challengeId()),
                    matchedSuppliers(event.challengeId()).map(matched -> "none".equals(matched.frequency()) ? matched
                            // a deadline cannot wait for a digest
                            : new Recipient(matched.subject(), "instant")));
            // the association's own work: a question waiting for its answer, a response
            // to read
            case "question-asked", "response-submitted" ->
                members("select organisation_id as org from challenge where id = :id", event.challengeId());
            case "response-outcome" -> members(
                    "select supplier_organisation_id as org from challenge_response where id = :id", event.subjectId());
            case "milestone-due" -> members("""
                    select association_organisation_id as org from pilot where challenge_id = :id
                    union select supplier_organisation_id from pilot where challenge_id = :id""", event.challengeId());
            // the owners of hidden or restored content, told whatever their alert
            // settings
            case "content-hidden", "content-restored" -> event.organisationId() == null ? Flux.empty()
                    : members("select cast(:id as uuid) as org", event.organisationId());
            // the candidate's own application: always instant, the decision is what they
            // are waiting for
            case "application-decided" -> db.sql("""
                    select c.subject from board_application a join candidate_profile c on c.id = a.candidate_id
                    where a.id = :id""")
                .bind("id", event.subjectId())
                .map(row -> new Recipient(row.get("subject", String.class), "instant"))
                .all()
                .as(Rows::whole);
            default -> Flux.empty();
        };
        return all.distinct(Recipient::subject);
    }

    /**
     * Members of the suppliers that asked a question on the challenge or responded to it.
     */
    private Flux<Recipient> engagedSuppliers(UUID challengeId) {
        return members("""
                select asked_by_organisation_id as org from challenge_question where challenge_id = :id
                union select supplier_organisation_id from challenge_response where challenge_id = :id""", challengeId);
    }

    /** People who chose to follow the challenge; they asked for it, so always instant. */
    private Flux<Recipient> followers(UUID challengeId) {
        return followers.followers(challengeId).map(subject -> new Recipient(subject, "instant"));
    }

    private Flux<Recipient> members(String organisationsSql, UUID id) {
        return db.sql("""
                select distinct m.subject, coalesce(p.alert_frequency, 'instant') as alerts
                from membership m left join person p on p.subject = m.subject
                where m.organisation_id in (%s)""".formatted(organisationsSql))
            .bind("id", id)
            // answers, deadlines, outcomes and milestones are about the person's own
            // work: always instant
            .map(row -> new Recipient(row.get("subject", String.class), "instant"))
            .all()
            .as(Rows::whole);
    }

    private Flux<Recipient> matchedSuppliers(UUID challengeId) {
        return audience.matchedSupplierProfiles(challengeId)
            .flatMapMany(profiles -> profiles.isEmpty() ? Flux.empty() : db.sql("""
                    select distinct m.subject, coalesce(p.alert_frequency, 'instant') as alerts
                    from supplier_profile sp join membership m on m.organisation_id = sp.organisation_id
                    left join person p on p.subject = m.subject
                    where sp.id = any(:profiles)""")
                .bind("profiles", profiles.toArray(UUID[]::new))
                .map(row -> new Recipient(row.get("subject", String.class), frequency(row.get("alerts", String.class))))
                .all()
                .as(Rows::whole));
    }

    private Flux<Recipient> savedSearches(UUID challengeId) {
        return db.sql("""
                select s.subject, s.frequency from saved_search s join challenge c on c.id = :id
                where (s.category is null or c.categories @> array[s.category])
                  and (s.region is null or c.regions @> array[s.region])
                  and (s.query is null or (c.title || ' ' || c.summary || ' ' || c.description)
                       ilike '%' || s.query || '%')
                order by s.created_at""")
            .bind("id", challengeId)
            .map(row -> new Recipient(row.get("subject", String.class), row.get("frequency", String.class)))
            .all()
            .as(Rows::whole);
    }

    /** Profile alerts switched off still reach the in-app feed, just never by email. */
    private static String frequency(String alerts) {
        return "off".equals(alerts) ? "none" : alerts;
    }

    static List<String> kinds() {
        return List.of("challenge-published", "answer-published", "closing-soon", "question-window-closing",
                "response-outcome", "milestone-due");
    }

}
