package io.launchpad.matching.boardranking;

import io.launchpad.matching.ranking.Fusion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import java.util.HashMap;

/**
 * Finds board candidates (people or roles) in one index: three lists asked for
 * concurrently, all under the same hard filter, fused by reciprocal rank, the best
 * {@code pool} kept.
 * <ul>
 * <li>coverage: a structured query scoring one point per framework gap met at the level
 * needed (and less for the skill below it or an adjacent one), so whoever covers the gaps
 * is in the pool, whatever their words; skipped when there is no framework skill to look
 * for;</li>
 * <li>keywords: BM25 over everything written (skills, summary, headline, sectors; or the
 * role's title, gaps and description), with the housing synonyms; their scores are kept
 * for the re-rank;</li>
 * <li>meaning: kNN over the MiniLM embeddings (skipped when there is no query
 * vector).</li>
 * </ul>
 * The lists only decide who is re-ranked; the re-rank decides the order.
 */
final class ThreeLists<T> {

    static final int COVERAGE_DEPTH = 100;
    static final int LIST_DEPTH = 50;
    static final int NUM_CANDIDATES = 150;

    /**
     * What to search: {@code coverage} scores gap coverage; {@code fields} are boosted
     * text fields.
     */
    record Spec<T>(String index, Class<T> type, List<String> sourceFields, Query filter, @Nullable Query coverage,
            @Nullable String text, List<String> fields, float @Nullable [] vector) {
    }

    private final ElasticsearchConnection elasticsearch;

    ThreeLists(ElasticsearchConnection elasticsearch) {
        this.elasticsearch = elasticsearch;
    }

    /** A kept document and its BM25 score (0 when the keyword list did not find it). */
    record Found<T>(T document, double keywords) {
    }

    /** Id → kept document, in fused order. */
    /**
     * {@code depth}: how far into the ranking the caller reads; each list goes at least
     * that deep.
     */
    Mono<Map<String, Found<T>>> find(Spec<T> spec, int pool, int depth) {
        Mono<List<Hit<T>>> coverage = spec
            .coverage() == null
                    ? Mono.just(List.of())
                    : elasticsearch
                        .call("find candidates by gap coverage",
                                client -> client.search(coverageSearch(spec, Math.max(COVERAGE_DEPTH, depth)),
                                        spec.type()))
                        .map(response -> response.hits().hits());
        Mono<List<Hit<T>>> keywords = spec.text() == null
                || spec.text().isBlank()
                        ? Mono.just(List.of())
                        : elasticsearch
                            .call("find candidates by keywords",
                                    client -> client.search(keywordSearch(spec, Math.max(LIST_DEPTH, depth)),
                                            spec.type()))
                            .map(response -> response.hits().hits());
        float[] vector = spec.vector();
        Mono<List<Hit<T>>> meaning = vector == null ? Mono.just(List.of())
                : elasticsearch
                    .call("find candidates by meaning",
                            client -> client.search(knnSearch(spec, vector, Math.max(LIST_DEPTH, depth)), spec.type()))
                    .map(response -> response.hits().hits());
        // the lists carry ids and scores only; the kept documents (passages included)
        // come in one mget
        return Mono.zip(coverage, keywords, meaning).flatMap(lists -> {
            List<List<String>> rankings = new ArrayList<>();
            for (List<Hit<T>> hits : List.of(lists.getT1(), lists.getT2(), lists.getT3())) {
                rankings.add(hits.stream().map(Hit::id).toList());
            }
            Map<String, Double> keywordScores = new HashMap<>();
            for (Hit<T> hit : lists.getT2()) {
                keywordScores.put(hit.id(), hit.score() == null ? 0 : hit.score());
            }
            List<String> kept = Fusion.fuse(rankings).stream().limit(pool).toList();
            if (kept.isEmpty()) {
                return Mono.just(Map.<String, Found<T>>of());
            }
            return elasticsearch
                .call("read the kept candidates", client -> client
                    .mget(get -> get.index(spec.index()).ids(kept).sourceIncludes(spec.sourceFields()), spec.type()))
                .map(response -> {
                    Map<String, T> documents = new HashMap<>();
                    response.docs().forEach(doc -> {
                        if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                            documents.put(doc.result().id(), doc.result().source());
                        }
                    });
                    Map<String, Found<T>> found = new LinkedHashMap<>();
                    for (String id : kept) {
                        if (documents.containsKey(id)) {
                            found.put(id, new Found<>(documents.get(id), keywordScores.getOrDefault(id, 0.0)));
                        }
                    }
                    return found;
                });
        });
    }

    private static SearchRequest coverageSearch(ThreeLists.Spec<?> spec, int depth) {
        return SearchRequest.of(search -> search.index(spec.index())
            .size(depth)
            .trackTotalHits(track -> track.enabled(false))
            .query(query -> query.bool(bool -> bool.filter(spec.filter()).must(spec.coverage())))
            .sort(sort -> sort.score(order -> order.order(SortOrder.Desc)))
            .sort(sort -> sort.field(field -> field.field("tiebreak").order(SortOrder.Asc)))
            .source(source -> source.fetch(false)));
    }

    private static SearchRequest keywordSearch(ThreeLists.Spec<?> spec, int depth) {
        return SearchRequest.of(search -> search.index(spec.index())
            .size(depth)
            .trackTotalHits(track -> track.enabled(false))
            .query(query -> query.bool(bool -> bool.filter(spec.filter())
                .must(must -> must.multiMatch(match -> match.query(spec.text())
                    .type(TextQueryType.CrossFields)
                    .operator(Operator.Or)
                    .fields(spec.fields())))))
            .source(source -> source.fetch(false)));
    }

    private static SearchRequest knnSearch(ThreeLists.Spec<?> spec, float[] query, int depth) {
        List<Float> vector = new ArrayList<>(query.length);
        for (float value : query) {
            vector.add(value);
        }
        return SearchRequest.of(search -> search.index(spec.index())
            .size(depth)
            .trackTotalHits(track -> track.enabled(false))
            .knn(knn -> knn.field("embedding")
                .queryVector(vector)
                .k(depth)
                .numCandidates(Math.max(NUM_CANDIDATES, depth))
                .filter(spec.filter()))
            .source(source -> source.fetch(false)));
    }

}
