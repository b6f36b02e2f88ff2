package io.launchpad.matching.lifecycle;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.ReindexInProgressException;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.SearchableSource;
import reactor.core.publisher.Mono;

/** {@link IndexLifecycle} over {@link Reindex} and {@link ConsistencyCheck}; one reindex at a time. */
final class IndexLifecycleService implements IndexLifecycle {

    private final Reindex reindex;
    private final ConsistencyCheck consistency;
    private final Supplier<SearchableSource> source;
    private final AtomicBoolean reindexing = new AtomicBoolean();

    IndexLifecycleService(Reindex reindex, ConsistencyCheck consistency, Supplier<SearchableSource> source) {
        this.reindex = reindex;
        this.consistency = consistency;
        this.source = source;
    }

    @Override
    public Mono<ReindexReport> reindex() {
        return Mono.defer(() -> {
            if (!reindexing.compareAndSet(false, true)) {
                return Mono.error(new ReindexInProgressException());
            }
            return reindex.run(source.get()).doFinally(signal -> reindexing.set(false));
        });
    }

    @Override
    public Mono<ConsistencyReport> checkConsistency() {
        return Mono.defer(() -> consistency.run(source.get()));
    }
}
