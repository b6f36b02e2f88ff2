package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.ReindexProgress;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.SearchableSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link IndexLifecycle} over {@link Reindex} and {@link ConsistencyCheck}; one reindex
 * at a time, on this instance (a flag, checked first because it costs nothing) and across
 * instances ({@link ReindexLock}).
 */
final class IndexLifecycleService implements IndexLifecycle {

    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(1);

    private final Reindex reindex;

    private final ConsistencyCheck consistency;

    private final Supplier<SearchableSource> source;

    private final ReindexLock lock;

    private final AtomicBoolean reindexing = new AtomicBoolean();

    private final ReindexTracker tracker = new ReindexTracker();

    private final SharedReindexProgress shared;

    IndexLifecycleService(Reindex reindex, ConsistencyCheck consistency, Supplier<SearchableSource> source,
            ReindexLock lock, SharedReindexProgress shared) {
        this.reindex = reindex;
        this.lock = lock;
        this.consistency = consistency;
        this.source = source;
        this.shared = shared;
    }

    @Override
    public Mono<ReindexReport> reindex() {
        return Mono.defer(() -> {
            if (!reindexing.compareAndSet(false, true)) {
                return Mono.error(new ReindexInProgressException());
            }
            return lock.whileHeld(Mono.defer(() -> {
                tracker.started();
                Disposable publishing = Flux.interval(Duration.ZERO, PUBLISH_EVERY)
                    .onBackpressureDrop()
                    .concatMap(tick -> publish())
                    .subscribe();
                return reindex.run(source.get(), tracker)
                    .doOnNext(tracker::succeeded)
                    .doOnError(tracker::failed)
                    .doOnCancel(() -> tracker.failed(new IllegalStateException("cancelled")))
                    .doOnTerminate(publishing::dispose)
                    .doOnCancel(publishing::dispose)
                    // the outcome is shared before the caller hears it
                    .flatMap(report -> publish().thenReturn(report))
                    .onErrorResume(error -> publish().then(Mono.error(error)));
            }))
                .switchIfEmpty(Mono.error(ReindexInProgressException::new))
                // before the outcome reaches the caller (doFinally runs after it, so a
                // caller retrying at
                // once could still be refused by this run's flag)
                .doOnTerminate(() -> reindexing.set(false))
                .doOnCancel(() -> reindexing.set(false));
        });
    }

    /**
     * This instance's own run is freshest while it runs; otherwise the shared record says
     * what ran where.
     */
    @Override
    public Mono<ReindexProgress> progress() {
        return Mono.defer(() -> {
            ReindexProgress local = tracker.snapshot();
            if (local.running()) {
                return Mono.just(local);
            }
            return shared.latest().defaultIfEmpty(local).onErrorReturn(local);
        });
    }

    /**
     * Progress not shared (PostgreSQL away) must not fail the reindex: it is only a
     * report.
     */
    private Mono<Void> publish() {
        return Mono.defer(() -> shared.save(tracker.snapshot())).onErrorResume(error -> Mono.empty());
    }

    @Override
    public Mono<ConsistencyReport> checkConsistency() {
        return Mono.defer(() -> consistency.run(source.get()));
    }

}
