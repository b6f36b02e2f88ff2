package io.launchpad.matching.boardranking;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion ({@code Σ 1 / (K + rank)}), done in Java so it runs on every cluster. The
 * same rule as the supplier rankers' fusion, kept here so board ranking does not reach into theirs.
 */
final class RankFusion {

    static final int K = 60;

    private RankFusion() {
    }

    /** Ids by fused score, best first; equal fused scores keep the order of first appearance. */
    static List<String> fuse(List<List<String>> rankings) {
        Map<String, Double> fused = new LinkedHashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        fused.keySet().forEach(id -> firstSeen.put(id, firstSeen.size()));
        return fused.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(entry -> firstSeen.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
    }
}
