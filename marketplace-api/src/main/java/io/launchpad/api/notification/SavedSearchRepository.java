package io.launchpad.api.notification;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

@Repository
class SavedSearchRepository {

    private final DatabaseClient db;

    SavedSearchRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * {@code query}, {@code category} and {@code region} may each be null; the caller
     * checks one is given.
     */
    Mono<SavedSearch> insert(UUID id, String subject, @Nullable String query, @Nullable String category,
            @Nullable String region, String frequency) {
        var spec = db.sql("""
                insert into saved_search (id, subject, query, category, region, frequency)
                values (:id, :s, :query, :category, :region, :frequency)""")
            .bind("id", id)
            .bind("s", subject)
            .bind("frequency", frequency);
        spec = query == null ? spec.bindNull("query", String.class) : spec.bind("query", query);
        spec = category == null ? spec.bindNull("category", String.class) : spec.bind("category", category);
        spec = region == null ? spec.bindNull("region", String.class) : spec.bind("region", region);
        // read back for created_at, which the database sets
        return spec.then().then(Mono.defer(() -> find(id, subject)));
    }

    Flux<SavedSearch> ownedBy(String subject) {
        return db.sql("select * from saved_search where subject = :s order by created_at")
            .bind("s", subject)
            .map(SavedSearchRepository::savedSearch)
            .all()
            .as(Rows::whole);
    }

    /** False when the person has no such saved search. */
    Mono<Boolean> delete(UUID id, String subject) {
        return db.sql("delete from saved_search where id = :id and subject = :s")
            .bind("id", id)
            .bind("s", subject)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows == 1);
    }

    private Mono<SavedSearch> find(UUID id, String subject) {
        return db.sql("select * from saved_search where id = :id and subject = :s")
            .bind("id", id)
            .bind("s", subject)
            .map(SavedSearchRepository::savedSearch)
            .one();
    }

    private static SavedSearch savedSearch(Readable row) {
        return new SavedSearch(row.get("id", UUID.class), row.get("query", String.class),
                row.get("category", String.class), row.get("region", String.class), row.get("frequency", String.class),
                row.get("created_at", Instant.class));
    }

}
