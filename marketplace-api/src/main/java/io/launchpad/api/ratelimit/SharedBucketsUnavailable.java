package io.launchpad.api.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared buckets' database could not be asked: logged at most once a minute, never a
 * failed request.
 */
final class SharedBucketsUnavailable {

    private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

    private static final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.EPOCH);

    private SharedBucketsUnavailable() {
    }

    static boolean is(Throwable error) {
        return !(error instanceof Error);
    }

    static void log(Throwable error) {
        Instant now = Instant.now();
        Instant last = Objects.requireNonNull(lastLogged.get(), "starts at EPOCH, only ever set to a time");
        if (last.plus(Duration.ofMinutes(1)).isBefore(now) && lastLogged.compareAndSet(last, now)) {
            log.atWarn()
                .addKeyValue("error", error.toString())
                .log("Shared rate-limit buckets unavailable; only this instance's limits apply meanwhile");
        }
    }

}
