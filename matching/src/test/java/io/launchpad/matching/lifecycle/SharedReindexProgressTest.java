package io.launchpad.matching.lifecycle;

import io.launchpad.matching.ReindexProgress;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reindex progress shared through the real PostgreSQL: what one instance writes, another
 * reads; a run recorded as ended is not written over by its own late "running" snapshot;
 * a newer run replaces it; a run whose instance went silent reads as stopped, not running
 * for ever.
 */
@Tag("real")
class SharedReindexProgressTest {

    private RealComponents.TestDatabase db;

    private SharedReindexProgress writer;

    private SharedReindexProgress reader;

    @BeforeEach
    void setUp() {
        db = RealComponents.freshDatabase();
        // two instances: two stores over the one database
        writer = new SharedReindexProgress(DatabaseClient.create(db.connectionFactory()));
        reader = new SharedReindexProgress(DatabaseClient.create(db.connectionFactory()));
    }

    @AfterEach
    void tearDown() {
        db.dispose();
    }

    @Test
    void oneInstanceWritesAndAnotherReadsTheSameRun() {
        assertThat(reader.latest().blockOptional()).isEmpty();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReindexProgress running = new ReindexProgress(true, started, null,
                List.of(new ReindexProgress.IndexProgress("launchpad-suppliers", 120, 500L, false)), null, null);
        writer.save(running).block();
        assertThat(reader.latest().block()).isEqualTo(running);

        ReindexProgress ended = new ReindexProgress(false, started, started.plusSeconds(9),
                List.of(new ReindexProgress.IndexProgress("launchpad-suppliers", 500, 500L, true)), null, null);
        writer.save(ended).block();
        // a snapshot taken before the end but written after it changes nothing
        writer.save(running).block();
        assertThat(reader.latest().block()).isEqualTo(ended);

        ReindexProgress next = new ReindexProgress(true, started.plusSeconds(60), null, List.of(), null, null);
        writer.save(next).block();
        assertThat(reader.latest().block()).isEqualTo(next);
    }

    @Test
    void aRunWhoseInstanceStoppedWritingReadsAsStopped() {
        Instant started = Instant.parse("2026-12-03T10:00:00Z");
        ReindexProgress running = new ReindexProgress(true, started, null, List.of(), null, null);

        assertThat(SharedReindexProgress.stoppedIfSilent(running, started.plusSeconds(5), started.plusSeconds(20)))
            .isEqualTo(running);
        ReindexProgress silent = SharedReindexProgress.stoppedIfSilent(running, started.plusSeconds(5),
                started.plusSeconds(5).plus(SharedReindexProgress.SILENT_AFTER).plusSeconds(1));
        assertThat(silent.running()).isFalse();
        assertThat(silent.failure()).contains("stopped reporting");
        ReindexProgress ended = new ReindexProgress(false, started, started.plusSeconds(9), List.of(), null, null);
        assertThat(SharedReindexProgress.stoppedIfSilent(ended, started, started.plusSeconds(3_600))).isEqualTo(ended);
    }

}
