package io.launchpad.api.programme;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The programme's figures, computed on request from PostgreSQL: the numbers are small
 * aggregates over indexed columns, so there is nothing to keep up to date.
 */
@Repository
class ProgrammeFigures {

    static final List<String> STAGES = List.of("draft", "published", "closed", "awarded", "no-award", "withdrawn");
    static final List<String> PILOT_OUTCOMES = List.of("active", "met", "partly-met", "not-met");

    record ResponsesPerChallenge(UUID challengeId, String title, String status, long responses) {
    }

    record TimeToAward(long awarded, @Nullable Double meanDays, @Nullable Double medianDays) {
    }

    record Programme(Map<String, Long> challengesByStage, List<ResponsesPerChallenge> responsesPerChallenge,
            double meanResponsesPerChallenge, TimeToAward timeToAward, Map<String, Long> pilotsByOutcome) {
    }

    private final DatabaseClient db;

    ProgrammeFigures(DatabaseClient db) {
        this.db = db;
    }

    Mono<Programme> now() {
        Mono<Map<String, Long>> stages = counts("select status as k, count(*) as n from challenge group by status",
                STAGES);
        Mono<List<ResponsesPerChallenge>> responses = db.sql("""
                select c.id, c.title, c.status, count(r.id) filter (where r.status <> 'draft') as n
                from challenge c left join challenge_response r on r.challenge_id = c.id
                where c.status <> 'draft'
                group by c.id, c.title, c.status, c.published_at
                order by c.published_at desc nulls last limit 50""")
            .map(row -> new ResponsesPerChallenge(row.get("id", UUID.class), row.get("title", String.class),
                    row.get("status", String.class), row.get("n", Long.class)))
            .all()
            .collectList();
        Mono<TimeToAward> timeToAward = db
            .sql("""
                    select count(*) as n,
                           avg(extract(epoch from decided_at - published_at) / 86400)::float8 as mean,
                           (percentile_cont(0.5) within group (order by extract(epoch from decided_at - published_at) / 86400))::float8 as median
                    from challenge where status = 'awarded' and decided_at is not null and published_at is not null""")
            .map(row -> new TimeToAward(row.get("n", Long.class), round(row.get("mean", Double.class)),
                    round(row.get("median", Double.class))))
            .one();
        Mono<Map<String, Long>> pilots = counts(
                "select coalesce(outcome, status) as k, count(*) as n from pilot group by 1", PILOT_OUTCOMES);
        return Mono.zip(stages, responses, timeToAward, pilots)
            .map(all -> new Programme(all.getT1(), all.getT2(),
                    all.getT2().isEmpty() ? 0 : round(
                            all.getT2().stream().mapToLong(ResponsesPerChallenge::responses).average().orElse(0)),
                    all.getT3(), all.getT4()));
    }

    /**
     * Every known key appears, with 0 when nothing is there, so charts keep their shape.
     */
    private Mono<Map<String, Long>> counts(String sql, List<String> keys) {
        return db.sql(sql)
            .map(row -> Map.entry(row.get("k", String.class), row.get("n", Long.class)))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .map(found -> {
                Map<String, Long> all = new LinkedHashMap<>();
                keys.forEach(key -> all.put(key, found.getOrDefault(key, 0L)));
                return all;
            });
    }

    private static @Nullable Double round(@Nullable Double value) {
        return value == null ? null : round(value.doubleValue());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
