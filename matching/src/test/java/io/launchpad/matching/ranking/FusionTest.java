package io.launchpad.matching.ranking;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reciprocal rank fusion: agreement between lists beats one list's favourite, ties keep
 * the order first seen.
 */
class FusionTest {

    @Test
    void aDocumentBothListsFindOutranksOneThatOnlyOneListPutsFirst() {
        assertThat(Fusion.fuse(List.of(List.of("solo", "both"), List.of("other", "both")))).containsExactly("both",
                "solo", "other");
    }

    /**
     * With K = 60 a document at rank r in both lists scores 2/(60+r), one first in a
     * single list 1/61: agreement wins down to rank 61, ties at rank 62 (order of first
     * appearance decides) and loses below.
     */
    @Test
    void agreementWinsDownToRank61AndTiesAtRank62() {
        assertThat(Fusion.fuse(bothAt(61)).indexOf("both")).isLessThan(Fusion.fuse(bothAt(61)).indexOf("solo"));
        List<String> tie = Fusion.fuse(bothAt(62));
        assertThat(tie.indexOf("solo")).isEqualTo(tie.indexOf("both") - 1);
        assertThat(tie.getFirst()).isEqualTo("solo");
        List<String> deeper = Fusion.fuse(bothAt(63));
        assertThat(deeper.indexOf("solo")).isLessThan(deeper.indexOf("both"));
    }

    @Test
    void equalScoresKeepTheOrderInWhichTheyWereFirstSeen() {
        assertThat(Fusion.fuse(List.of(List.of("a"), List.of("b")))).containsExactly("a", "b");
        assertThat(Fusion.fuse(List.of(List.of("b"), List.of("a")))).containsExactly("b", "a");
        assertThat(Fusion.fuse(List.of(List.of("x", "y"), List.of("y", "x")))).containsExactly("x", "y");
    }

    @Test
    void nothingToFuseGivesNothing() {
        assertThat(Fusion.fuse(List.of())).isEmpty();
        assertThat(Fusion.fuse(List.of(List.of(), List.of()))).isEmpty();
        assertThat(Fusion.fuse(List.of(List.of("only")))).containsExactly("only");
    }

    /**
     * "solo" first in the first list only; "both" at {@code rank} (1-based) in two lists,
     * fillers elsewhere.
     */
    private static List<List<String>> bothAt(int rank) {
        List<String> first = new ArrayList<>(List.of("solo"));
        List<String> second = new ArrayList<>();
        for (int i = 1; i < rank; i++) {
            if (first.size() < rank - 1) {
                first.add("a" + i);
            }
            second.add("b" + i);
        }
        first.add("both");
        second.add("both");
        assertThat(first.indexOf("both")).isEqualTo(rank - 1);
        assertThat(second.indexOf("both")).isEqualTo(rank - 1);
        return List.of(first, second);
    }

}
