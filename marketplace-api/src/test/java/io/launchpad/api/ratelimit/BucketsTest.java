package io.launchpad.api.ratelimit;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BucketsTest {

    private static Bucket fivePerMinute() {
        return Bucket.builder().addLimit(limit -> limit.capacity(5).refillGreedy(5, Duration.ofMinutes(1))).build();
    }

    @Test
    void aCallerRotatingKeysNeitherResetsABusyCallersLimitNorGrowsMemoryPastTheBound() {
        Buckets buckets = new Buckets(100, Duration.ofMinutes(1), Runnable::run);
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.get("write|user|busy", BucketsTest::fivePerMinute).tryConsume(1)).isTrue();
        }
        assertThat(buckets.get("write|user|busy", BucketsTest::fivePerMinute).tryConsume(1)).as("limit reached")
            .isFalse();

        // a flood of one-request keys while the busy caller keeps knocking (and keeps
        // being refused)
        for (int i = 0; i < 10_000; i++) {
            buckets.get("write|user|rotating-" + i, BucketsTest::fivePerMinute).tryConsume(1);
            if (i % 50 == 0) {
                assertThat(buckets.get("write|user|busy", BucketsTest::fivePerMinute).tryConsume(1))
                    .as("busy caller refused during the flood, request %d", i)
                    .isFalse();
            }
        }

        assertThat(buckets.size()).isLessThanOrEqualTo(100);
        assertThat(buckets.get("write|user|busy", BucketsTest::fivePerMinute).tryConsume(1))
            .as("the busy caller is still limited")
            .isFalse();
    }

}
