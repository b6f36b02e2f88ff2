package io.launchpad.api.idempotency;

import io.launchpad.api.privacy.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Stored replies to a person's idempotent POSTs echo what they sent (a candidate
 * profile's name, email and date of birth), so they are the person's data: exported with
 * the reply decoded, and erased with the person, so a replayed key afterwards finds
 * nothing to replay.
 */
@Component
class IdempotencyPersonalData implements PersonalData {

    private final DatabaseClient db;

    private final JsonMapper json;

    IdempotencyPersonalData(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String section() {
        return "storedReplies";
    }

    @Override
    public Set<String> tables() {
        return Set.of("idempotency_keys");
    }

    @Override
    public int erasureOrder() {
        return 90;
    }

    @Override
    public Mono<Object> export(String subject) {
        return db.sql("""
                select idempotency_key, state, response_status, response_body, created_at, expires_at
                  from idempotency_keys where owner = :owner order by created_at, idempotency_key""")
            .bind("owner", subject)
            .map(row -> {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("idempotencyKey", row.get("idempotency_key", String.class));
                reply.put("state", row.get("state", String.class));
                reply.put("responseStatus", row.get("response_status", Integer.class));
                reply.put("response", decoded(row.get("response_body", ByteBuffer.class)));
                reply.put("createdAt", row.get("created_at", Instant.class));
                reply.put("expiresAt", row.get("expires_at", Instant.class));
                return reply;
            })
            .all()
            .collectList()
            .map(replies -> (Object) replies);
    }

    @Override
    public Mono<Erased> erase(String subject) {
        return db.sql("delete from idempotency_keys where owner = :owner")
            .bind("owner", subject)
            .fetch()
            .rowsUpdated()
            .map(rows -> new Erased(rows, 0));
    }

    /** The reply as JSON when it is JSON (it nearly always is), else as text. */
    private @Nullable Object decoded(@Nullable ByteBuffer body) {
        if (body == null) {
            return null;
        }
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        try {
            return json.readValue(bytes, Object.class);
        }
        catch (RuntimeException notJson) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

}
