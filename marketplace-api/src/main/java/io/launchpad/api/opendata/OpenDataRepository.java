package io.launchpad.api.opendata;

import io.launchpad.api.database.Rows;
import io.launchpad.api.web.Cursor;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The public record of challenges, read across the features' tables: only challenges that
 * were published and are not hidden by moderation. Each stage of a challenge's life is
 * one OCDS release, dated by the column that records it; a release's key is stable
 * (derived from challenge and stage) so pages can be walked with a cursor in date order,
 * oldest first, as feeds are read.
 */
@Repository
class OpenDataRepository {

    /** One release to produce: which challenge, which stage, when. */
    record ReleaseKey(UUID challengeId, Stage stage, Instant date, UUID key) {

        Cursor cursor() {
            return new Cursor(date, key);
        }
    }

    private static final String PUBLIC = "c.published_at is not null and c.hidden_reason is null";

    /**
     * Every stage that happened, as (challenge, stage, rank, date). {@link #KEY} gives
     * each a key of its own, so two stages at the same instant (an award and the pilot it
     * creates) still page apart, in the order they happen.
     */
    private static final String STAGES = """
            select c.id as challenge_id, 'tender' as stage, 1 as rank, c.published_at as at from challenge c where %1$s
            union all
            select c.id, 'closed', 2, c.closed_at from challenge c
                where %1$s and c.closed_at is not null and c.status in ('closed', 'awarded', 'no-award')
            union all
            select c.id, 'award', 3, c.decided_at from challenge c
                where %1$s and c.status = 'awarded' and c.decided_at is not null
            union all
            select c.id, 'no-award', 3, c.decided_at from challenge c
                where %1$s and c.status = 'no-award' and c.decided_at is not null
            union all
            select c.id, 'withdrawn', 3, coalesce(c.decided_at, c.closed_at, c.updated_at) from challenge c
                where %1$s and c.status = 'withdrawn'
            union all
            select c.id, 'contract', 4, p.created_at from pilot p join challenge c on c.id = p.challenge_id where %1$s
            union all
            select c.id, 'implementation', 5, p.completed_at from pilot p join challenge c on c.id = p.challenge_id
                where %1$s and p.status = 'completed' and p.completed_at is not null
            """.formatted(PUBLIC);

    /**
     * The stage's rank in its first 8 hex digits, then a hash of challenge and stage:
     * stable and unique.
     */
    private static final String KEY = "(lpad(rank::text, 8, '0') || substr(md5(challenge_id::text || stage), 9))::uuid";

    private final DatabaseClient db;

    OpenDataRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Releases dated in [from, to), after the cursor, oldest first; {@code limit} of them
     * at most.
     */
    Flux<ReleaseKey> releases(Instant from, Instant to, @Nullable Cursor after, int limit) {
        return db.sql("""
                select challenge_id, stage, at, %2$s as key
                from (%1$s) stages
                where at >= :from and at < :to and (at, %2$s) > (:afterAt, :afterKey)
                order by at, key
                limit :limit""".formatted(STAGES, KEY))
            .bind("from", from)
            .bind("to", to)
            .bind("afterAt", after == null ? Instant.EPOCH : after.at())
            .bind("afterKey", after == null ? new UUID(0, 0) : after.id())
            .bind("limit", limit)
            .map(OpenDataRepository::key)
            .all()
            .as(Rows::whole);
    }

    /** Every release of one challenge, oldest first (empty when it is not public). */
    Flux<ReleaseKey> releasesOf(UUID challengeId) {
        return db.sql("""
                select challenge_id, stage, at, %2$s as key
                from (%1$s) stages where challenge_id = :id order by at, key""".formatted(STAGES, KEY))
            .bind("id", challengeId)
            .map(OpenDataRepository::key)
            .all()
            .as(Rows::whole);
    }

    /** The public challenges among these ids. */
    Flux<ContractingProcess.Challenge> challenges(Collection<UUID> ids) {
        return db.sql("select c.* from challenge c where c.id = any(:ids) and " + PUBLIC)
            .bind("ids", ids.toArray(UUID[]::new))
            .map(OpenDataRepository::challenge)
            .all()
            .as(Rows::whole);
    }

    /**
     * Every public challenge published before {@code to}, oldest first (the bulk file and
     * the CSV).
     */
    Flux<UUID> publishedBefore(Instant to) {
        return db
            .sql("select c.id from challenge c where " + PUBLIC
                    + " and c.published_at < :to order by c.published_at, c.id")
            .bind("to", to)
            .map(row -> row.get("id", UUID.class))
            .all()
            .as(Rows::whole);
    }

    /**
     * For each challenge: how many responses were submitted, and the awarded one if any.
     */
    Flux<Responses> responses(Collection<UUID> challengeIds) {
        return db
            .sql("""
                    select r.challenge_id,
                           count(*) filter (where r.status <> 'draft') as tenderers,
                           (array_agg(r.id) filter (where r.status = 'awarded'))[1] as awarded_id,
                           (array_agg(r.supplier_organisation_id) filter (where r.status = 'awarded'))[1] as awarded_supplier,
                           (array_agg(r.price_pounds) filter (where r.status = 'awarded'))[1] as awarded_price
                    from challenge_response r where r.challenge_id = any(:ids) group by r.challenge_id""")
            .bind("ids", challengeIds.toArray(UUID[]::new))
            .map(row -> new Responses(row.get("challenge_id", UUID.class), row.get("tenderers", Long.class).intValue(),
                    row.get("awarded_id", UUID.class), row.get("awarded_supplier", UUID.class),
                    row.get("awarded_price", Integer.class)))
            .all()
            .as(Rows::whole);
    }

    record Responses(UUID challengeId, int tenderers, @Nullable UUID awardedResponseId,
            @Nullable UUID awardedSupplierId, @Nullable Integer awardedPricePounds) {
    }

    private static ReleaseKey key(Readable row) {
        return new ReleaseKey(row.get("challenge_id", UUID.class), Stage.of(row.get("stage", String.class)),
                row.get("at", Instant.class), row.get("key", UUID.class));
    }

    private static ContractingProcess.Challenge challenge(Readable row) {
        return new ContractingProcess.Challenge(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                row.get("title", String.class), row.get("summary", String.class), row.get("description", String.class),
                list(row, "categories"), list(row, "regions"), row.get("status", String.class),
                row.get("budget_min_pounds", Integer.class), row.get("budget_max_pounds", Integer.class),
                row.get("closing_date", LocalDate.class), row.get("questions_close_on", LocalDate.class),
                row.get("pilot_length_weeks", Integer.class), row.get("location", String.class),
                list(row, "essential_requirements"), list(row, "nice_to_have_requirements"),
                list(row, "weighting_criteria"),
                row.get("weighting_weights", Integer[].class) == null ? List.of()
                        : Arrays.asList(row.get("weighting_weights", Integer[].class)),
                row.get("published_at", Instant.class), row.get("closed_at", Instant.class),
                row.get("decided_at", Instant.class), row.get("no_award_reason", String.class),
                row.get("updated_at", Instant.class));
    }

    private static List<String> list(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? List.of() : List.of(values);
    }

}
