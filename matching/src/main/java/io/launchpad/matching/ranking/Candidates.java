package io.launchpad.matching.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.launchpad.matching.Highlight;
import io.launchpad.matching.RankingMode;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Finds and completes candidates in one index. Round one asks for a BM25 list and
 * (hybrid) a kNN list, concurrently, both under the hard filters; the BM25 list does not
 * wait for the query vector. The lists are fused by reciprocal rank and the best
 * {@code pool} kept. Round two fills in what one list could not say about documents found
 * only by the other (a BM25 score, or a cosine), restricted to those ids, so every kept
 * candidate is scored on the same ingredients. The shown matches are highlighted here, by
 * {@link QueryHighlighter}, from the text the lists already read.
 *
 * @param <T> the stored document shape read back from {@code _source}
 */
final class Candidates<T> {

    /**
     * How deep each list goes: deep enough that fusion has material, shallow enough to
     * stay fast at 100k documents.
     */
    static final int LIST_DEPTH = 50;
    static final int NUM_CANDIDATES = 150;

    /**
     * One kept candidate; {@code bm25} and {@code cosine} are null only when that signal
     * does not apply (BM25 mode).
     */
    record Candidate<T>(String id, T document, Double bm25, @Nullable Double cosine) {
    }

    /**
     * What to search: {@code fields} are boosted index fields; {@code shown} gives a
     * document's text by field name shown, in the order highlights prefer them.
     * {@code vector} is empty when there is nothing to compare by meaning.
     */
    record Spec<T>(String index, Class<T> type, List<String> sourceFields, Query filter, String text,
            Mono<float[]> vector, List<String> fields, Function<T, Map<String, @Nullable String>> shown) {
    }

    private final ElasticsearchConnection elasticsearch;

    private final QueryHighlighter highlighter;

    Candidates(ElasticsearchConnection elasticsearch, QueryHighlighter highlighter) {
        this.elasticsearch = elasticsearch;
        this.highlighter = highlighter;
    }

    /**
     * The kept candidates and what was worked out for their ids alongside the completing
     * round.
     */
    record Found<T, X>(List<Candidate<T>> candidates, X alongside) {
    }

    /**
     * {@code depth}: how far into the ranking the caller reads; each list goes at least
     * that deep.
     */
    Mono<List<Candidate<T>>> find(Spec<T> spec, RankingMode mode, int pool, int depth) {
        return find(spec, mode, pool, depth, ids -> Mono.just(Boolean.TRUE)).map(Found::candidates);
    }

    /**
     * As {@link #find(Spec, RankingMode, int, int)}, and {@code alongside} (work that
     * needs only the kept ids: evidence per requirement, completed pilots) runs
     * concurrently with round two instead of after it, one round trip less per request.
     * It must not complete empty.
     */
    <X> Mono<Found<T, X>> find(Spec<T> spec, RankingMode mode, int pool, int depth,
            Function<List<String>, Mono<X>> alongside) {
        int listDepth = Math.max(LIST_DEPTH, depth);
        Mono<List<Hit<T>>> keywords = elasticsearch
            .call("find keyword candidates",
                    client -> client.search(keywordSearch(spec, spec.filter(), listDepth, true), spec.type()))
            .map(response -> response.hits().hits());
        Mono<Optional<float[]>> vector = mode == RankingMode.HYBRID
                ? spec.vector().map(Optional::of).defaultIfEmpty(Optional.empty()).cache()
                : Mono.just(Optional.empty());
        Mono<List<Hit<T>>> neighbours = vector
            .flatMap(known -> known.isEmpty() ? Mono.just(List.<Hit<T>>of())
                    : elasticsearch
                        .call("find semantic candidates",
                                client -> client.search(knnSearch(spec.index(), spec.sourceFields(), known.get(),
                                        spec.filter(), listDepth), spec.type()))
                        .map(response -> response.hits().hits()));
        return Mono.zip(keywords, neighbours, vector).flatMap(found -> {
            Map<String, Hit<T>> byKeywords = index(found.getT1());
            Map<String, Hit<T>> byKnn = index(found.getT2());
            List<String> kept = Fusion.fuse(List.of(List.copyOf(byKeywords.keySet()), List.copyOf(byKnn.keySet())));
            kept = kept.subList(0, Math.min(pool, kept.size()));
            return Mono.zip(complete(spec, byKeywords, byKnn, kept, found.getT3().orElse(null)), alongside.apply(kept),
                    Found::new);
        });
    }

    /**
     * The shown matches, each with its highlighted passages for the spec's words, from
     * the documents the candidates carry; a match sharing no word with the query has
     * none. {@code name}: the match's name, whose words are never shown as a reason.
     */
    <M> List<M> withHighlights(Spec<T> spec, List<Candidate<T>> candidates, List<M> matches, Function<M, UUID> id,
            Function<M, @Nullable String> name, BiFunction<M, List<Highlight>, M> highlighted) {
        if (matches.isEmpty()) {
            return matches;
        }
        Map<String, T> documents = new HashMap<>();
        candidates.forEach(candidate -> documents.put(candidate.id(), candidate.document()));
        QueryHighlighter.Words words = highlighter.words(spec.text());
        return matches.stream().map(match -> {
            T document = documents.get(id.apply(match).toString());
            List<PlainHighlights.Fragment> fragments = document == null ? List.of()
                    : highlighter.fragments(words, spec.shown().apply(document));
            String shownName = name.apply(match);
            return highlighted.apply(match,
                    PlainHighlights.of(fragments, shownName == null ? List.of() : List.of(shownName)));
        }).toList();
    }

    private Mono<List<Candidate<T>>> complete(Spec<T> spec, Map<String, Hit<T>> byKeywords, Map<String, Hit<T>> byKnn,
            List<String> kept, float @Nullable [] vector) {
        boolean semantic = vector != null;
        List<String> needKeywords = kept.stream().filter(id -> !byKeywords.containsKey(id)).toList();
        List<String> needCosine = semantic ? kept.stream().filter(id -> !byKnn.containsKey(id)).toList() : List.of();
        Mono<Map<String, Hit<T>>> moreKeywords = needKeywords.isEmpty() ? Mono.just(Map.of())
                : elasticsearch
                    .call("score semantic candidates by keywords",
                            client -> client.search(keywordSearch(spec, withIds(spec.filter(), needKeywords),
                                    needKeywords.size(), false), spec.type()))
                    .map(response -> index(response.hits().hits()));
        Mono<Map<String, Hit<T>>> moreCosines = vector == null || needCosine.isEmpty() ? Mono.just(Map.of())
                : elasticsearch
                    .call("score keyword candidates by meaning",
                            client -> client.search(knnSearch(spec.index(), spec.sourceFields(), vector,
                                    withIds(spec.filter(), needCosine), needCosine.size()), spec.type()))
                    .map(response -> index(response.hits().hits()));
        List<String> ids = kept;
        return Mono.zip(moreKeywords, moreCosines).map(more -> {
            List<Candidate<T>> candidates = new ArrayList<>(ids.size());
            for (String id : ids) {
                Hit<T> keywordHit = byKeywords.getOrDefault(id, more.getT1().get(id));
                Hit<T> knnHit = byKnn.getOrDefault(id, more.getT2().get(id));
                // every kept id came from one of the two lists, which read the source
                // (the round-two keyword search does not)
                Hit<T> listed = byKeywords.getOrDefault(id, byKnn.get(id));
                T document = listed == null ? null : listed.source();
                if (document == null) {
                    continue;
                }
                // no keyword hit in round two means the document shares no word with the
                // query: BM25 0
                Double bm25 = keywordHit == null ? 0.0 : keywordHit.score();
                // Elasticsearch reports cosine similarity as (1 + cos) / 2; no kNN hit
                // means no vector: nothing to agree with
                Double cosine = !semantic ? null
                        : knnHit == null || knnHit.score() == null ? 0.0 : 2 * knnHit.score() - 1;
                candidates.add(new Candidate<>(id, document, bm25, cosine));
            }
            return candidates;
        });
    }

    /**
     * {@code sourced}: the list reads the documents; the round-two search by ids needs
     * only the scores.
     */
    private static SearchRequest keywordSearch(Spec<?> spec, Query filter, int size, boolean sourced) {
        // cross_fields scores the document as one field with per-field boosts:
        // covering more of the query's terms anywhere in it ranks higher than
        // repeating one term in one field
        return SearchRequest.of(search -> search.index(spec.index())
            .size(size)
            .trackTotalHits(track -> track.enabled(false))
            .query(query -> query.bool(bool -> bool.filter(filter)
                .must(must -> must.multiMatch(match -> match.query(spec.text())
                    .type(TextQueryType.CrossFields)
                    .operator(Operator.Or)
                    .fields(spec.fields())))))
            .source(source -> sourced ? source.filter(f -> f.includes(spec.sourceFields())) : source.fetch(false)));
    }

    private static SearchRequest knnSearch(String index, List<String> sourceFields, float[] vector, Query filter,
            int k) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return SearchRequest.of(search -> search.index(index)
            .size(k)
            .trackTotalHits(track -> track.enabled(false))
            .knn(knn -> knn.field("embedding")
                .queryVector(values)
                .k(k)
                .numCandidates(Math.max(NUM_CANDIDATES, k))
                .filter(filter))
            .source(source -> source.filter(f -> f.includes(sourceFields))));
    }

    private static Query withIds(Query filter, List<String> ids) {
        return Query.of(query -> query.bool(bool -> bool.filter(filter).filter(f -> f.ids(i -> i.values(ids)))));
    }

    private static <T> Map<String, Hit<T>> index(List<Hit<T>> hits) {
        Map<String, Hit<T>> byId = new LinkedHashMap<>();
        hits.forEach(hit -> byId.put(hit.id(), hit));
        return byId;
    }

}
