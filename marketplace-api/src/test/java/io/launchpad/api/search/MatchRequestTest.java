package io.launchpad.api.search;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.matching.MatchWindow;
import io.launchpad.matching.RankingMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.launchpad.api.web.Page;

/**
 * Cursors of ranked lists, without a server: what they carry, and which ones are refused.
 */
class MatchRequestTest {

    private static final MatchRequest.MatchList LIST = new MatchRequest.MatchList("challenge-suppliers",
            UUID.randomUUID());

    @Test
    void aPageAsksForOneMoreThanItShowsAndItsCursorPointsAfterItsLastResult() {
        MatchRequest first = MatchRequest.of(3, null, null, LIST);
        assertThat(first.window()).isEqualTo(MatchWindow.first(4));
        List<MatchWindow.MatchPosition> found = positions(4);

        Page<MatchWindow.MatchPosition> page = first.page(found, position -> position, LIST);
        assertThat(page.items()).isEqualTo(found.subList(0, 3));
        assertThat(page.nextCursor()).isNotNull();

        MatchRequest second = MatchRequest.of(3, "hybrid", page.nextCursor(), LIST);
        assertThat(second.window()).isEqualTo(new MatchWindow(3, found.get(2), 4));
        assertThat(second.firstRank()).isEqualTo(4);
        assertThat(second.page(found.subList(3, 4), position -> position, LIST).nextCursor()).isNull();
    }

    @Test
    void listsStopAtTheirMaximumDepth() {
        MatchWindow.MatchPosition last = positions(1).getFirst();
        MatchRequest deep = new MatchRequest(50, RankingMode.HYBRID, new MatchRequest.Position(150, last));
        assertThat(deep.window().size()).isEqualTo(50);
        assertThat(deep.page(positions(51), position -> position, LIST).nextCursor()).isNull();
    }

    @Test
    void aCursorFromAnotherListOrModeOrNowhereIsA400NamingCursor() {
        String cursor = MatchRequest.of(2, null, null, LIST)
            .page(positions(3), position -> position, LIST)
            .nextCursor();
        MatchRequest.MatchList otherChallenge = new MatchRequest.MatchList(LIST.name(), UUID.randomUUID());
        MatchRequest.MatchList otherDirection = new MatchRequest.MatchList("supplier-challenges", LIST.subject());
        assertRefused(() -> MatchRequest.of(2, null, cursor, otherChallenge), "same-list");
        assertRefused(() -> MatchRequest.of(2, null, cursor, otherDirection), "same-list");
        assertRefused(() -> MatchRequest.of(2, "bm25", cursor, LIST), "same-list");
        assertRefused(() -> MatchRequest.of(2, null, "bm90LWEtY3Vyc29y", LIST), "valid-cursor");
        assertRefused(() -> MatchRequest.of(2, null, "%%", LIST), "valid-cursor");
        assertThat(MatchRequest.of(2, null, cursor, LIST).firstRank()).isEqualTo(3);
    }

    private static void assertRefused(Runnable request, String rule) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            assertThat(problem.getBody().getProperties().toString()).contains("cursor").contains(rule);
        });
    }

    private static List<MatchWindow.MatchPosition> positions(int count) {
        return IntStream.range(0, count)
            .mapToObj(i -> new MatchWindow.MatchPosition(90 - i, 0.9 - i / 100.0, UUID.randomUUID()))
            .toList();
    }

}
