package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.launchpad.matching.indexes.BulkItemVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams documents into one physical index through the client's {@link BulkIngester},
 * which batches them, keeps one request in flight while the next batch is being built,
 * and blocks {@link #add} when Elasticsearch falls behind (the back-pressure a load of
 * 100k documents needs). Logs progress every few seconds. Not thread-safe for
 * {@link #add}: one producer per load.
 *
 * <p>
 * A document Elasticsearch refuses ({@link BulkItemVerdict#REJECTED}) is
 * {@link #rejected() set aside} and the load goes on: one bad record must not cost the
 * whole rebuild. Everything else that fails (a whole request, an overloaded or
 * unavailable item) counts as {@link #failed()}, which fails the load: an index missing
 * documents for want of a healthy cluster must not replace a complete one.
 */
final class BulkLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    /**
     * Rejections listed (all are counted), so a load of bad data cannot fill the heap or
     * the report.
     */
    static final int MAX_REJECTIONS_LISTED = 100;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final String what;

    private final String index;

    private final BulkIngester<Void> ingester;

    private final long started = System.nanoTime();

    private final AtomicLong sent = new AtomicLong();

    private final AtomicLong accepted = new AtomicLong();

    private final Map<String, Long> failures = new ConcurrentHashMap<>();

    private final AtomicLong rejectedCount = new AtomicLong();

    private final Queue<Rejection> rejections = new ConcurrentLinkedQueue<>();

    private volatile long lastProgress = System.nanoTime();

    BulkLoad(ElasticsearchAsyncClient client, String what, String index, int batchSize) {
        this.what = what;
        this.index = index;
        this.ingester = BulkIngester.of(builder -> builder.client(client)
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
        log.atInfo()
            .addKeyValue("load", what)
            .addKeyValue("index", index)
            .addKeyValue("documents", accepted.get())
            .addKeyValue("rejected", rejectedCount())
            .addKeyValue("failed", failed())
            .addKeyValue("seconds", round(seconds()))
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

    /** A document refused: where it was going, its id and Elasticsearch's reason. */
    record Rejection(String index, String id, String error) {
    }

    long rejectedCount() {
        return rejectedCount.get();
    }

    /** The first {@link #MAX_REJECTIONS_LISTED} refused documents. */
    List<Rejection> rejected() {
        return List.copyOf(rejections);
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
        log.atInfo()
            .addKeyValue("load", what)
            .addKeyValue("index", index)
            .addKeyValue("documents", accepted.get())
            .addKeyValue("failed", failed())
            .addKeyValue("documentsPerSecond", round(perSecond()))
            .log("Bulk load progress");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Logged by id and error type only: the reason may quote the document's values. */
    private void reject(BulkResponseItem item) {
        if (rejectedCount.incrementAndGet() <= MAX_REJECTIONS_LISTED) {
            rejections.add(new Rejection(item.index(), item.id(), BulkItemVerdict.describe(item.error())));
        }
        log.atWarn()
            .addKeyValue("load", what)
            .addKeyValue("index", item.index())
            .addKeyValue("documentId", item.id())
            .addKeyValue("errorType", item.error().type())
            .log("Document rejected by Elasticsearch; left out of the load");
    }

    private final class Listener implements BulkListener<Void> {

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Void> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, BulkResponse response) {
            for (BulkResponseItem item : response.items()) {
                switch (BulkItemVerdict.of(item)) {
                    case ACCEPTED -> accepted.incrementAndGet();
                    case REJECTED -> reject(item);
                    case UNAVAILABLE -> failures.merge(BulkItemVerdict.describe(item.error()), 1L, Long::sum);
                }
            }
            progress();
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Void> contexts, Throwable failure) {
            failures.merge("request failed: " + failure, (long) request.operations().size(), Long::sum);
            log.atWarn()
                .addKeyValue("load", what)
                .addKeyValue("index", index)
                .addKeyValue("documents", request.operations().size())
                .addKeyValue("error", failure.toString())
                .log("Bulk request failed");
        }

    }

}
