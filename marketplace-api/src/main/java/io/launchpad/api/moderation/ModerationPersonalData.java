package io.launchpad.api.moderation;

import io.launchpad.api.database.Rows;
import io.launchpad.api.privacy.PersonalData;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator's moderation decisions name them: their export lists them, and erasure
 * forgets who took them while the decisions (what was hidden, when, why) stay, as the
 * content's own record.
 */
@Component
class ModerationPersonalData implements PersonalData {

    private final DatabaseClient db;

    ModerationPersonalData(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "moderation";
    }

    @Override
    public Set<String> tables() {
        return Set.of("moderation_hold", "moderation_action");
    }

    @Override
    public int erasureOrder() {
        return 50;
    }

    @Override
    public Mono<Object> export(String subject) {
        return db.sql(
                "select kind, target_id, action, reason, at from moderation_action where actor_subject = :s order by at, id")
            .bind("s", subject)
            .map(row -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("kind", row.get("kind", String.class));
                entry.put("targetId", row.get("target_id", UUID.class));
                entry.put("action", row.get("action", String.class));
                entry.put("reason", row.get("reason", String.class));
                entry.put("at", row.get("at", Instant.class));
                return entry;
            })
            .all()
            .as(Rows::whole)
            .collectList()
            .map(list -> list);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return db.sql("update moderation_action set actor_subject = null where actor_subject = :s")
            .bind("s", subject)
            .fetch()
            .rowsUpdated()
            .zipWith(db.sql("update moderation_hold set hidden_by_subject = null where hidden_by_subject = :s")
                .bind("s", subject)
                .fetch()
                .rowsUpdated(), Long::sum)
            .map(rows -> new Erased(rows, 0));
    }

}
