package io.launchpad.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.MatchWindow.MatchPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyset pages over a ranking: how deep each page reaches, and which results it may still
 * return.
 */
class MatchWindowTest {

    private static final MatchPosition LAST_SHOWN = new MatchPosition(80, 0.5,
            UUID.fromString("00000000-0000-0000-0000-000000000001"));

    @Test
    void aLaterPageNeedsThePositionOfTheLastResultShownAndTheFirstPageHasNone() {
        assertThatThrownBy(() -> new MatchWindow(10, null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWindow(0, LAST_SHOWN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWindow(-1, null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWindow(0, null, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MatchWindow.first(10).admits(LAST_SHOWN)).isTrue();
    }

    @Test
    void pagesStopAtTheMaximumDepth() {
        assertThat(MatchWindow.first(10).depth()).isEqualTo(10);
        assertThat(MatchWindow.first(10).size()).isEqualTo(10);
        MatchWindow nearTheEnd = new MatchWindow(190, LAST_SHOWN, 20);
        assertThat(nearTheEnd.depth()).isEqualTo(MatchWindow.MAX_DEPTH);
        assertThat(nearTheEnd.size()).isEqualTo(10);
        assertThat(new MatchWindow(200, LAST_SHOWN, 10).size()).isZero();
        assertThat(new MatchWindow(250, LAST_SHOWN, 10).size()).isZero();
    }

    @Test
    void theFirstPageRanksTwiceWhatItShowsAndALaterOneAsDeepAsItReaches() {
        assertThat(MatchWindow.first(10).pool(30)).isEqualTo(30);
        assertThat(MatchWindow.first(20).pool(30)).isEqualTo(40);
        assertThat(new MatchWindow(40, LAST_SHOWN, 10).pool(30)).isEqualTo(100);
        assertThat(new MatchWindow(190, LAST_SHOWN, 50).pool(30)).isEqualTo(2 * MatchWindow.MAX_DEPTH);
    }

    @Test
    void onlyWhatRanksAfterTheLastResultShownIsAdmitted() {
        MatchWindow next = new MatchWindow(10, LAST_SHOWN, 10);
        assertThat(next.admits(LAST_SHOWN)).as("the last result shown itself").isFalse();
        assertThat(next.admits(new MatchPosition(81, 0.1, UUID.randomUUID()))).as("a higher score").isFalse();
        assertThat(next.admits(new MatchPosition(79, 0.9, UUID.randomUUID()))).as("a lower score").isTrue();
        assertThat(next.admits(new MatchPosition(80, 0.6, UUID.randomUUID()))).as("same score, more relevant")
            .isFalse();
        assertThat(next.admits(new MatchPosition(80, 0.4, UUID.randomUUID()))).as("same score, less relevant").isTrue();
    }

    @Test
    void equalScoresAndRelevanceAreOrderedByTheIdsStableHashSoPagesNeitherRepeatNorSkip() {
        List<MatchPosition> tied = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tied.add(new MatchPosition(70, 0.3, UUID.randomUUID()));
        }
        List<MatchPosition> ranked = tied.stream().sorted(MatchPosition.ORDER).toList();
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(Tiebreak.of(ranked.get(i - 1).id())).isLessThanOrEqualTo(Tiebreak.of(ranked.get(i).id()));
        }
        MatchWindow afterFive = new MatchWindow(5, ranked.get(4), 10);
        assertThat(ranked.stream().filter(afterFive::admits).toList()).isEqualTo(ranked.subList(5, ranked.size()));
    }

}
