package io.launchpad.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * This instance's buckets, bounded. A caller who rotates addresses or tokens only fills
 * the cache with one-request keys, which its frequency-based admission turns away before
 * they could push out a busy caller's bucket; a bucket untouched for a whole refill
 * period is full again anyway, so forgetting it loses nothing. (Before, a full map was
 * cleared, resetting everyone's limits.)
 */
final class Buckets {

    private final Cache<String, Bucket> cache;

    Buckets(long maximum, Duration idleUntilFull, Executor maintenance) {
        this.cache = Caffeine.newBuilder()
            .maximumSize(maximum)
            .expireAfterAccess(idleUntilFull)
            .executor(maintenance)
            .build();
    }

    Bucket get(String key, Supplier<Bucket> create) {
        return cache.get(key, ignored -> create.get());
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

}
