package io.launchpad.matching.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.ReindexProgress;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.SearchableSource;
import reactor.core.publisher.Mono;

/**
 * {@link IndexLifecycle} over {@link Reindex} and {@link ConsistencyCheck}; one reindex at a time, on
 * this instance (a flag, checked first because it costs nothing) and across instances ({@link ReindexLock}).
 */
final class IndexLifecycleService implements IndexLifecycle {

    private final Reindex reindex;
    private final ConsistencyCheck consistency;
    private final Supplier<SearchableSource> source;
    private final ReindexLock lock;
    private final AtomicBoolean reindexing = new AtomicBoolean();
    private final ReindexTracker tracker = new ReindexTracker();

    IndexLifecycleService(Reindex reindex, ConsistencyCheck consistency, Supplier<SearchableSource> source, ReindexLock lock) {
        this.reindex = reindex;
        this.lock = lock;
        this.consistency = consistency;
        this.source = source;
    }

    @Override
    public Mono<ReindexReport> reindex() {
        return Mono.defer(() -> {
            if (!reindexing.compareAndSet(false, true)) {
                return Mono.error(new ReindexInProgressException());
            }
            return lock.whileHeld(Mono.defer(() -> {
                        tracker.started();
                        return reindex.run(source.get(), tracker)
                                .doOnNext(tracker::succeeded)
                                .doOnError(tracker::failed)
                                .doOnCancel(() -> tracker.failed(new IllegalStateException("cancelled")));
                    }))
                    .switchIfEmpty(Mono.error(ReindexInProgressException::new))
                    // before the outcome reaches the caller (doFinally runs after it, so a caller retrying at
                    // once could still be refused by this run's flag)
                    .doOnTerminate(() -> reindexing.set(false))
                    .doOnCancel(() -> reindexing.set(false));
        });
    }

    @Override
    public ReindexProgress progress() {
        return tracker.snapshot();
    }

    @Override
    public Mono<ConsistencyReport> checkConsistency() {
        return Mono.defer(() -> consistency.run(source.get()));
    }
}
