package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MergePollTest {

    @Test
    void aSmallMergeIsSeenWithinMillisecondsAndALongOneIsAskedAboutTwiceASecond() {
        assertThat(LongStream.range(0, 7).mapToObj(Reindex::mergePoll).map(Duration::toMillis)).containsExactly(20L,
                40L, 80L, 160L, 320L, 500L, 500L);
        assertThat(Reindex.mergePoll(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(500));
    }

}
