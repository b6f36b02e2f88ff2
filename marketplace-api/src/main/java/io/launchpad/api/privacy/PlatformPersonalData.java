package io.launchpad.api.privacy;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's rows in tables owned by features that do not implement {@link PersonalData}
 * themselves: memberships, and the person, notification, saved-search, digest, Q&A and
 * evaluation rows. A feature that starts implementing {@link PersonalData} should take
 * its rows out of this list. A table named here that does not exist fails the export and
 * the erasure loudly: skipping it quietly is how stored idempotent replies once escaped
 * both.
 */
@Component
class PlatformPersonalData implements PersonalData {

    /**
     * How a table holds a person: delete their rows, or keep the row and replace the
     * person with a marker.
     */
    private record Holding(String table, String column, boolean anonymise) {
    }

    private static final List<Holding> HOLDINGS = List.of(new Holding("membership", "subject", false),
            new Holding("notification", "recipient_subject", false), new Holding("saved_search", "subject", false),
            new Holding("digest_sent", "subject", false), new Holding("person", "subject", false),
            // a question is part of a challenge's public Q&A and evaluations are part of
            // an award's
            // record: the organisation's contribution stays, the person behind it goes (a
            // fresh marker per row keeps
            // composite keys such as response_score's unique)
            new Holding("challenge_question", "asked_by_subject", true),
            new Holding("response_score", "evaluator_subject", true));

    private final DatabaseClient db;

    PlatformPersonalData(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "platform";
    }

    @Override
    public Set<String> tables() {
        return HOLDINGS.stream().map(Holding::table).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int erasureOrder() {
        return 80;
    }

    @Override
    public Mono<Object> export(String subject) {
        return Flux.fromIterable(HOLDINGS)
            .concatMap(h -> db
                .sql("select to_jsonb(t)::text as row from " + h.table() + " t where " + h.column() + " = :s")
                .bind("s", subject)
                .map(row -> row.get("row", String.class))
                .all()
                .collectList()
                .map(rows -> Map.entry(h.table(), rows)))
            .filter(entry -> !entry.getValue().isEmpty())
            .collect(LinkedHashMap<String, Object>::new,
                    (map, entry) -> map.put(entry.getKey(),
                            entry.getValue().stream().map(PlatformPersonalData::json).toList()))
            .map(map -> map);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return Flux.fromIterable(HOLDINGS)
            .concatMap(
                    h -> db
                        .sql(h.anonymise()
                                ? "update " + h.table() + " set " + h.column()
                                        + " = 'erased-' || gen_random_uuid() where " + h.column() + " = :s"
                                : "delete from " + h.table() + " where " + h.column() + " = :s")
                        .bind("s", subject)
                        .fetch()
                        .rowsUpdated())
            .reduce(0L, Long::sum)
            .map(rows -> new Erased(rows, 0));
    }

    private static Object json(String text) {
        return JsonMapper.shared().readValue(text, Object.class);
    }

}
