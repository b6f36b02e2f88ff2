package io.launchpad.api.privacy;

import io.launchpad.api.database.Rows;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Consent with its time and purpose, append-only: withdrawing is a new row, so the
 * history of what a person agreed to and when is never rewritten (until they ask for
 * erasure).
 */
@Service
public class Consents implements PersonalData {

    public record Consent(UUID id, String purpose, @Nullable String wording, boolean granted, Instant recordedAt) {
    }

    private final DatabaseClient db;

    Consents(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Consent> record(String subject, ConsentPurpose purpose, boolean granted) {
        return db.sql("""
                insert into consent (id, subject, purpose, granted) values (:id, :subject, :purpose, :granted)
                returning *""")
            .bind("id", UUID.randomUUID())
            .bind("subject", subject)
            .bind("purpose", purpose.code())
            .bind("granted", granted)
            .map(Consents::consent)
            .one();
    }

    /** True when the latest answer for the purpose is a grant. */
    public Mono<Boolean> granted(String subject, ConsentPurpose purpose) {
        return db.sql("""
                select granted from consent where subject = :subject and purpose = :purpose
                order by recorded_at desc, id limit 1""")
            .bind("subject", subject)
            .bind("purpose", purpose.code())
            .map(row -> Boolean.TRUE.equals(row.get("granted", Boolean.class)))
            .one()
            .defaultIfEmpty(false);
    }

    public Flux<Consent> history(String subject) {
        return db.sql("select * from consent where subject = :subject order by recorded_at, id")
            .bind("subject", subject)
            .map(Consents::consent)
            .all()
            .as(Rows::whole);
    }

    @Override
    public String section() {
        return "consents";
    }

    @Override
    public Set<String> tables() {
        return Set.of("consent");
    }

    @Override
    public int erasureOrder() {
        return 90;
    }

    @Override
    public Mono<Object> export(String subject) {
        return history(subject).collectList().map(list -> list);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return db.sql("delete from consent where subject = :subject")
            .bind("subject", subject)
            .fetch()
            .rowsUpdated()
            .map(rows -> new Erased(rows, 0));
    }

    private static Consent consent(Readable row) {
        ConsentPurpose purpose = ConsentPurpose.fromCode(row.get("purpose", String.class));
        return new Consent(row.get("id", UUID.class), row.get("purpose", String.class),
                purpose == null ? null : purpose.wording(), Boolean.TRUE.equals(row.get("granted", Boolean.class)),
                row.get("recorded_at", Instant.class));
    }

    static Map<String, String> catalogue() {
        var map = new LinkedHashMap<String, String>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            map.put(purpose.code(), purpose.wording());
        }
        return map;
    }

}
