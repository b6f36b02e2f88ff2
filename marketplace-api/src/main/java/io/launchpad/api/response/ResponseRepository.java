package io.launchpad.api.response;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.time.LocalDate;

@Repository
class ResponseRepository {

    private static final String SELECT = """
            select r.*, o.name as supplier_name from challenge_response r
            join organisation o on o.id = r.supplier_organisation_id
            """;

    private final DatabaseClient db;

    ResponseRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Response> insert(UUID challengeId, UUID supplierId, ResponseFields fields) {
        UUID id = UUID.randomUUID();
        return bind(db
            .sql("""
                    insert into challenge_response (id, challenge_id, supplier_organisation_id, status, approach,
                        evidence_requirements, evidence_texts, price_pounds, availability)
                    values (:id, :challenge, :supplier, 'draft', :approach, :requirements, :texts, :price, :availability)""")
            .bind("id", id)
            .bind("challenge", challengeId)
            .bind("supplier", supplierId), fields).then().then(find(id));
    }

    Mono<Long> update(UUID id, long expectedVersion, ResponseFields fields) {
        return bind(db.sql("""
                update challenge_response set approach = :approach, evidence_requirements = :requirements,
                    evidence_texts = :texts, price_pounds = :price, availability = :availability, updated_at = now(),
                    version = version + 1
                where id = :id and version = :version""").bind("id", id).bind("version", expectedVersion), fields)
            .fetch()
            .rowsUpdated();
    }

    /**
     * Moves a response from one status to another; 0 rows when it was not in the status
     * named.
     */
    Mono<Long> transition(UUID id, Response.Status from, Response.Status to) {
        String stamp = to == Response.Status.SUBMITTED ? ", submitted_at = now()" : "";
        return db
            .sql("update challenge_response set status = :to, updated_at = now(), version = version + 1" + stamp
                    + " where id = :id and status = :from")
            .bind("id", id)
            .bind("from", from.code())
            .bind("to", to.code())
            .fetch()
            .rowsUpdated();
    }

    Mono<Long> decide(UUID id, Response.Status outcome, @Nullable String feedback) {
        var spec = db.sql("""
                update challenge_response set status = :outcome, feedback = :feedback, updated_at = now(),
                    version = version + 1
                where id = :id and status in ('submitted', 'shortlisted')""")
            .bind("id", id)
            .bind("outcome", outcome.code());
        spec = feedback == null ? spec.bindNull("feedback", String.class) : spec.bind("feedback", feedback);
        return spec.fetch().rowsUpdated();
    }

    Mono<Response> find(UUID id) {
        return db.sql(SELECT + " where r.id = :id").bind("id", id).map(ResponseRepository::response).one();
    }

    Flux<Response> forChallenge(UUID challengeId) {
        return db.sql(SELECT + " where r.challenge_id = :challenge order by r.submitted_at nulls last, r.id")
            .bind("challenge", challengeId)
            .map(ResponseRepository::response)
            .all()
            .as(Rows::whole);
    }

    /**
     * The responses of the given supplier organisations with their challenge's title,
     * most recently changed first.
     */
    Flux<OwnResponse> ofSuppliers(List<UUID> organisations, int limit) {
        return db.sql("""
                select r.id, r.challenge_id, c.title as challenge_title, r.status, r.updated_at, r.submitted_at,
                       c.closing_date
                from challenge_response r join challenge c on c.id = r.challenge_id
                where r.supplier_organisation_id = any(:orgs)
                order by r.updated_at desc, r.id limit :limit""")
            .bind("orgs", organisations.toArray(UUID[]::new))
            .bind("limit", limit)
            .map(row -> new OwnResponse(row.get("id", UUID.class), row.get("challenge_id", UUID.class),
                    row.get("challenge_title", String.class), row.get("status", String.class),
                    row.get("updated_at", Instant.class), row.get("submitted_at", Instant.class),
                    row.get("closing_date", LocalDate.class)))
            .all()
            .as(Rows::whole);
    }

    /** A response as its own supplier lists it. */
    record OwnResponse(UUID id, UUID challengeId, String challengeTitle, String status, Instant updatedAt,
            Instant submittedAt, LocalDate closingDate) {
    }

    Mono<Void> score(UUID responseId, String evaluator, Map<String, Integer> scores) {
        return Flux.fromIterable(scores.entrySet())
            .concatMap(entry -> db.sql("""
                    insert into response_score (response_id, evaluator_subject, criterion, score)
                    values (:response, :evaluator, :criterion, :score)
                    on conflict (response_id, evaluator_subject, criterion)
                    do update set score = excluded.score, scored_at = now()""")
                .bind("response", responseId)
                .bind("evaluator", evaluator)
                .bind("criterion", entry.getKey())
                .bind("score", entry.getValue())
                .then())
            .then();
    }

    /**
     * Each criterion's mean score over the association's evaluators, how many evaluators
     * scored, and the scores {@code evaluator} gave (empty for anyone else), so a form
     * can show what they saved.
     */
    Mono<ScoreSheet> scores(UUID responseId, String evaluator) {
        return db.sql("select evaluator_subject, criterion, score from response_score where response_id = :response")
            .bind("response", responseId)
            .map(row -> new Score(row.get("evaluator_subject", String.class), row.get("criterion", String.class),
                    row.get("score", Integer.class)))
            .all()
            .collectList()
            .map(all -> ScoreSheet.of(all, evaluator));
    }

    private record Score(String evaluator, String criterion, int score) {
    }

    record ScoreSheet(Map<String, Double> meanByCriterion, int evaluators, Map<String, Integer> yours) {

        private static ScoreSheet of(List<Score> all, String evaluator) {
            Map<String, List<Integer>> byCriterion = new LinkedHashMap<>();
            Map<String, Integer> yours = new LinkedHashMap<>();
            for (Score score : all) {
                byCriterion.computeIfAbsent(score.criterion(), c -> new ArrayList<>()).add(score.score());
                if (score.evaluator().equals(evaluator)) {
                    yours.put(score.criterion(), score.score());
                }
            }
            Map<String, Double> means = new LinkedHashMap<>();
            byCriterion.forEach((criterion, scores) -> means.put(criterion,
                    scores.stream().mapToInt(Integer::intValue).average().orElse(0)));
            int evaluators = (int) all.stream().map(Score::evaluator).distinct().count();
            return new ScoreSheet(means, evaluators, yours);
        }
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
            ResponseFields fields) {
        Map<String, String> evidence = Objects.requireNonNull(fields.evidence(), "set by normalised()");
        spec = spec.bind("approach", Objects.requireNonNull(fields.approach(), "set by normalised()"))
            .bind("requirements", evidence.keySet().toArray(String[]::new))
            .bind("texts", evidence.values().toArray(String[]::new))
            .bind("availability", Objects.requireNonNull(fields.availability(), "set by normalised()"));
        return fields.pricePounds() == null ? spec.bindNull("price", Integer.class)
                : spec.bind("price", fields.pricePounds());
    }

    private static Response response(Readable row) {
        String[] requirements = row.get("evidence_requirements", String[].class);
        String[] texts = row.get("evidence_texts", String[].class);
        Map<String, String> evidence = new LinkedHashMap<>();
        for (int i = 0; requirements != null && i < requirements.length; i++) {
            evidence.put(requirements[i], texts[i]);
        }
        return new Response(row.get("id", UUID.class), row.get("challenge_id", UUID.class),
                row.get("supplier_organisation_id", UUID.class), row.get("supplier_name", String.class),
                Response.Status.valueOf(row.get("status", String.class).toUpperCase()),
                row.get("approach", String.class), evidence, row.get("price_pounds", Integer.class),
                row.get("availability", String.class), row.get("feedback", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("submitted_at", Instant.class), row.get("version", Long.class));
    }

}
