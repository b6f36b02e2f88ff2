package io.launchpad.api.admin;

import io.launchpad.matching.ParkedOutboxRows;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * What to alert on: {@code launchpad.outbox.parked} is how many rows are parked now
 * (alert while it is above zero), {@code launchpad.outbox.parked.total} how many this
 * instance has parked since it started. The gauge reads the count the indexer keeps fresh
 * (every few seconds), so a scrape never waits on the database.
 */
@Component
class ParkedOutboxMetrics implements MeterBinder {

    private final ParkedOutboxRows parked;

    ParkedOutboxMetrics(ParkedOutboxRows parked) {
        this.parked = parked;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("launchpad.outbox.parked", parked, ParkedOutboxRows::lastKnownCount)
            .description("Matching outbox rows parked because Elasticsearch kept rejecting their document")
            .baseUnit("rows")
            .register(registry);
        FunctionCounter.builder("launchpad.outbox.parked.total", parked, ParkedOutboxRows::parkedSinceStart)
            .description("Matching outbox rows this instance parked since it started")
            .baseUnit("rows")
            .register(registry);
    }

}
