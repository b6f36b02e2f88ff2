package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams documents into one physical index through the client's {@link BulkIngester}, which
 * batches them, keeps one request in flight while the next batch is being built, and blocks
 * {@link #add} when Elasticsearch falls behind (the back-pressure a load of 100k documents needs).
 * Logs progress every few seconds. Not thread-safe for {@link #add}: one producer per load.
 */
final class BulkLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final String what;
    private final String index;
    private final BulkIngester<Void> ingester;
    private final long started = System.nanoTime();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private volatile long lastProgress = System.nanoTime();

    BulkLoad(ElasticsearchAsyncClient client, String what, String index, int batchSize) {
        this.what = what;
        this.index = index;
        this.ingester = BulkIngester.of(builder -> builder
                .client(client)
                .maxOperations(batchSize)
                .maxSize(8L * 1024 * 1024)
                .maxConcurrentRequests(1)
                .listener(new Listener()));
    }

    void add(IndexDocument document) {
        addTo(index, document);
    }

    /** For a load that spans several indexes (the outbox replay). */
    void addTo(String targetIndex, IndexDocument document) {
        sent.incrementAndGet();
        ingester.add(document.into(targetIndex));
    }

    /** Flushes and waits for every request to finish. */
    @Override
    public void close() {
        ingester.close();
        log.atInfo().addKeyValue("load", what).addKeyValue("index", index).addKeyValue("documents", accepted.get())
                .addKeyValue("failed", failed()).addKeyValue("seconds", round(seconds()))
                .addKeyValue("documentsPerSecond", round(perSecond()))
                .log("Bulk load finished");
    }

    long accepted() {
        return accepted.get();
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    double perSecond() {
        double seconds = seconds();
        return seconds <= 0 ? 0 : accepted.get() / seconds;
    }

    private void progress() {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY.toNanos()) {
            return;
        }
        lastProgress = now;
        log.atInfo().addKeyValue("load", what).addKeyValue("index", index).addKeyValue("documents", accepted.get())
                .addKeyValue("failed", failed()).addKeyValue("documentsPerSecond", round(perSecond()))
                .log("Bulk load progress");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private final class Listener implements BulkListener<Void> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
            for (BulkResponseItem item : response.items()) {
                ErrorCause error = item.error();
                // a conflict means the index already holds this version or a newer one: what we wanted
                if (error == null || VERSION_CONFLICT.equals(error.type())) {
                    accepted.incrementAndGet();
                } else {
                    failures.merge(error.type() + ": " + error.reason(), 1L, Long::sum);
                }
            }
            progress();
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
            failures.merge("request failed: " + failure, (long) request.operations().size(), Long::sum);
            log.atWarn().addKeyValue("load", what).addKeyValue("index", index)
                    .addKeyValue("documents", request.operations().size()).addKeyValue("error", failure.toString())
                    .log("Bulk request failed");
        }
    }
}
