package io.launchpad.matching.lifecycle;

import io.launchpad.matching.ReindexProgress;
import io.launchpad.matching.ReindexReport;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running reindex's counts, for {@link ReindexProgress}. Written by the load's
 * threads (a counter per alias), read by whoever asks; the rest changes under the
 * object's lock at each step.
 */
final class ReindexTracker {

    private record Alias(AtomicLong done, @Nullable Long expected, boolean finished) {
    }

    private final Map<String, Alias> aliases = new LinkedHashMap<>();

    private boolean running;

    private @Nullable Instant startedAt;

    private @Nullable Instant finishedAt;

    private @Nullable ReindexReport report;

    private @Nullable String failure;

    synchronized void started() {
        aliases.clear();
        running = true;
        startedAt = Instant.now();
        finishedAt = null;
        report = null;
        failure = null;
    }

    synchronized void begin(String alias, @Nullable Long expected) {
        aliases.put(alias, new Alias(new AtomicLong(), expected, false));
    }

    /** Called per document sent; cheap, from the load's thread. */
    void sent(String alias, long documents) {
        Alias counts;
        synchronized (this) {
            counts = aliases.get(alias);
        }
        if (counts != null) {
            counts.done().addAndGet(documents);
        }
    }

    synchronized void finished(String alias) {
        Alias counts = aliases.get(alias);
        if (counts != null) {
            aliases.put(alias, new Alias(counts.done(), counts.expected(), true));
        }
    }

    synchronized void succeeded(ReindexReport done) {
        running = false;
        finishedAt = Instant.now();
        report = done;
    }

    synchronized void failed(Throwable error) {
        running = false;
        finishedAt = Instant.now();
        failure = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    synchronized ReindexProgress snapshot() {
        if (startedAt == null) {
            return ReindexProgress.none();
        }
        List<ReindexProgress.IndexProgress> indexes = new ArrayList<>();
        aliases.forEach((alias, counts) -> indexes
            .add(new ReindexProgress.IndexProgress(alias, counts.done().get(), counts.expected(), counts.finished())));
        return new ReindexProgress(running, startedAt, finishedAt, indexes, report, failure);
    }

}
