package io.launchpad.api.observability;

import io.launchpad.matching.IndexingActivity;
import io.launchpad.matching.MatchingHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching pipeline as an operator watches it: {@code launchpad.outbox.pending} and
 * {@code launchpad.outbox.oldest.age} (how far the index is behind PostgreSQL; alert on
 * the age), and {@code launchpad.index.documents} by outcome (rate() of it is the
 * indexing rate). The backlog is read from the database every few seconds by a job, so a
 * scrape never waits on a query; every instance reports the same shared backlog, so
 * dashboards take the max, not the sum.
 */
@Component
class IndexingMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(IndexingMetrics.class);

    private final MatchingHealth matching;

    private final ObjectProvider<IndexingActivity> indexer;

    private final AtomicLong pending = new AtomicLong(-1);

    private final AtomicLong oldestSeconds = new AtomicLong(-1);

    IndexingMetrics(MatchingHealth matching, ObjectProvider<IndexingActivity> indexer) {
        this.matching = matching;
        this.indexer = indexer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("launchpad.outbox.pending", pending, AtomicLong::get)
            .description("Matching outbox rows waiting to reach Elasticsearch (parked ones aside); -1 until first read")
            .baseUnit("rows")
            .register(registry);
        Gauge.builder("launchpad.outbox.oldest.age", oldestSeconds, AtomicLong::get)
            .description("How long the oldest waiting outbox row has waited; -1 until first read")
            .baseUnit("seconds")
            .register(registry);
        indexer.ifAvailable(activity -> {
            FunctionCounter.builder("launchpad.index.documents", activity, IndexingActivity::documentsIndexed)
                .tag("outcome", "indexed")
                .description("Outbox rows this instance got into Elasticsearch")
                .register(registry);
            FunctionCounter.builder("launchpad.index.documents", activity, IndexingActivity::documentsFailed)
                .tag("outcome", "failed")
                .description("Outbox rows this instance sent that Elasticsearch did not take (each attempt)")
                .register(registry);
        });
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${launchpad.metrics.backlog-interval:PT15S}")
    void refreshBacklog() {
        try {
            MatchingHealth.OutboxBacklog backlog = matching.outboxBacklog().block(Duration.ofSeconds(10));
            if (backlog != null) {
                pending.set(backlog.pending());
                oldestSeconds.set(backlog.oldestWait().toSeconds());
            }
        }
        catch (RuntimeException e) {
            // the gauges keep their last value; health and the database's own alerts say
            // why
            log.atDebug().addKeyValue("error", e.toString()).log("outbox backlog not read for metrics");
        }
    }

}
