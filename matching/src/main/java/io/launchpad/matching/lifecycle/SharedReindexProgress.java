package io.launchpad.matching.lifecycle;

import io.launchpad.matching.ReindexProgress;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The latest reindex's progress in PostgreSQL, so that every instance answers with the
 * one that runs (or last ran) anywhere, not only its own. The running instance writes it
 * every second and at the end; a snapshot of a run already recorded as ended is never
 * written over by a late "running" one.
 */
final class SharedReindexProgress {

    /**
     * A run whose instance has not written for this long is reported as stopped, not as
     * running for ever.
     */
    static final Duration SILENT_AFTER = Duration.ofSeconds(30);

    private final DatabaseClient db;

    private final JsonMapper json = JsonMapper.builder().build();

    SharedReindexProgress(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> save(ReindexProgress progress) {
        if (progress.startedAt() == null) {
            return Mono.empty();
        }
        return db.sql("""
                insert into matching_reindex_progress (id, started_at, running, progress, updated_at)
                values (1, :started, :running, cast(:progress as jsonb), now())
                on conflict (id) do update set started_at = excluded.started_at, running = excluded.running,
                    progress = excluded.progress, updated_at = now()
                where excluded.started_at > matching_reindex_progress.started_at
                   or (excluded.started_at = matching_reindex_progress.started_at
                       and matching_reindex_progress.running)""")
            .bind("started", progress.startedAt().atOffset(ZoneOffset.UTC))
            .bind("running", progress.running())
            .bind("progress", json.writeValueAsString(progress))
            .then();
    }

    /** The latest run recorded by any instance; empty when none has run. */
    Mono<ReindexProgress> latest() {
        return db.sql("select progress::text as progress, updated_at from matching_reindex_progress where id = 1")
            .map(row -> stoppedIfSilent(json.readValue(row.get("progress", String.class), ReindexProgress.class),
                    row.get("updated_at", OffsetDateTime.class).toInstant(), Instant.now()))
            .one();
    }

    static ReindexProgress stoppedIfSilent(ReindexProgress progress, Instant updatedAt, Instant now) {
        if (!progress.running() || updatedAt.plus(SILENT_AFTER).isAfter(now)) {
            return progress;
        }
        return new ReindexProgress(false, progress.startedAt(), null, progress.indexes(), null,
                "the instance running it stopped reporting at " + updatedAt + "; start it again");
    }

}
