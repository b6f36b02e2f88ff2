package io.launchpad.matching.ranking;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion, in Java so it runs on every cluster (the embedded node has no
 * RRF retriever): {@code Σ 1 / (K + rank)} over the lists a document appears in. Ranks,
 * not scores, are fused, because BM25 and cosine scores live on unrelated scales. Board
 * ranking fuses its lists with it too.
 */
public final class Fusion {

    /**
     * The usual constant: it damps the weight of the very first ranks so one list cannot
     * dominate.
     */
    static final int K = 60;

    private Fusion() {
    }

    /**
     * Ids by fused score, best first; equal fused scores keep the order of first
     * appearance.
     */
    public static List<String> fuse(List<List<String>> rankings) {
        Map<String, Double> fused = new LinkedHashMap<>();
        for (List<String> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
            }
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        fused.keySet().forEach(id -> firstSeen.put(id, firstSeen.size()));
        return fused.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(entry -> firstSeen.get(entry.getKey())))
            .map(Map.Entry::getKey)
            .toList();
    }

}
