package io.launchpad.matching.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.KnownVectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.regex.MatchResult;

/**
 * For each requirement of a challenge, each candidate's best passage: one nested kNN
 * search per requirement (all sent as one multi-search) over the passages embedded at
 * index time (no profile is embedded at query time), restricted to the candidates,
 * returning the closest passages as inner hits. The best of those is chosen by meaning
 * and by the requirement's own words, and judged evidenced, partly evidenced or not
 * evidenced.
 */
final class RequirementEvidenceFinder {

    /**
     * Closest passages read per candidate and requirement; the words decide between them.
     */
    static final int PASSAGES_PER_CANDIDATE = 3;

    /**
     * Passage cosine at which a requirement's meaning starts to be answered, and where it
     * is fully answered.
     */
    static final double COSINE_FLOOR = 0.2;
    static final double COSINE_FULL = 0.6;
    static final double EVIDENCED = 0.55;
    static final double PARTLY = 0.3;

    record Requirement(String text, String importance) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final Set<String> FUNCTION_WORDS = Set
        .of(("a an the and or but nor of to in on at by for from with without "
                + "into onto over under about after before during between through within across per than then so as if when "
                + "while which who whom whose that this these those it its we our us you your they their them he she his her "
                + "is are was were be been being am has have had do does did can could will would should may might must shall "
                + "not no each every all any some more most such very also only just up out one")
            .split(" "));

    private final ElasticsearchConnection elasticsearch;

    private final QueryVectors vectors;

    RequirementEvidenceFinder(ElasticsearchConnection elasticsearch, QueryVectors vectors) {
        this.elasticsearch = elasticsearch;
        this.vectors = vectors;
    }

    /**
     * Candidate id → its evidence, one per requirement in the order given. Empty when
     * there is nothing to judge. {@code known}: requirement vectors stored with the
     * challenge, by text hash; the model runs only for the rest.
     */
    Mono<Map<String, List<RequirementEvidence>>> find(String index, List<String> candidateIds,
            List<Requirement> requirements, KnownVectors known) {
        if (candidateIds.isEmpty() || requirements.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.fromIterable(requirements).flatMapSequential(requirement -> {
            String hash = vectors.hash(requirement.text());
            float[] stored = hash == null ? null : known.vector(hash);
            return stored != null ? Mono.just(stored)
                    : Mono.fromCallable(() -> vectors.of(requirement.text())).subscribeOn(Schedulers.boundedElastic());
        })
            .collectList()
            .flatMap(requirementVectors -> closestPassages(index, candidateIds, requirementVectors))
            .map(perRequirement -> {
                Map<String, List<RequirementEvidence>> byCandidate = new HashMap<>();
                for (String id : candidateIds) {
                    List<RequirementEvidence> evidence = new ArrayList<>(requirements.size());
                    for (int i = 0; i < requirements.size(); i++) {
                        evidence.add(judge(requirements.get(i), perRequirement.get(i).getOrDefault(id, List.of())));
                    }
                    byCandidate.put(id, evidence);
                }
                return byCandidate;
            });
    }

    /**
     * Per requirement vector, candidate id → its closest passages (text, field, cosine):
     * one nested kNN search per requirement, all in one multi-search, so a challenge with
     * eight requirements costs one round trip. An index built before passages were stored
     * (or without any) gives no evidence, not an error.
     */
    private Mono<List<Map<String, List<Found>>>> closestPassages(String index, List<String> ids,
            List<float[]> requirementVectors) {
        List<RequestItem> searches = requirementVectors.stream()
            .map(vector -> RequestItem.of(item -> item.header(header -> header.index(index)).body(search(ids, vector))))
            .toList();
        List<Map<String, List<Found>>> nothing = requirementVectors.stream()
            .map(vector -> Map.<String, List<Found>>of())
            .toList();
        return elasticsearch
            .call("find evidence per requirement", client -> client.msearch(m -> m.searches(searches), Void.class))
            .map(response -> response.responses()
                .stream()
                .map(item -> item.isResult() ? passages(item.result().hits().hits()) : Map.<String, List<Found>>of())
                .toList())
            .onErrorResume(ElasticsearchException.class, refused -> Mono.just(nothing));
    }

    private static SearchRequest search(List<String> ids, float[] vector) {
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        return SearchRequest.of(search -> search.size(ids.size())
            .trackTotalHits(track -> track.enabled(false))
            .source(source -> source.fetch(false))
            .knn(knn -> knn.field("passages.embedding")
                .queryVector(values)
                .k(ids.size())
                .numCandidates(Math.max(Candidates.NUM_CANDIDATES, ids.size()))
                .filter(f -> f.ids(i -> i.values(ids)))
                .innerHits(inner -> inner.size(PASSAGES_PER_CANDIDATE)
                    .source(source -> source.filter(f -> f.includes("passages.text", "passages.field"))))));
    }

    private Map<String, List<Found>> passages(List<Hit<Void>> hits) {
        Map<String, List<Found>> byId = new HashMap<>();
        for (Hit<Void> hit : hits) {
            InnerHitsResult inner = hit.innerHits().get("passages");
            if (inner == null) {
                continue;
            }
            List<Found> found = new ArrayList<>();
            for (Hit<JsonData> passage : inner.hits().hits()) {
                Map<?, ?> source = passage.source() == null ? Map.of() : passage.source().to(Map.class);
                if (source.get("passages") instanceof Map<?, ?> nested) {
                    source = nested;
                }
                Object text = source.get("text");
                Object field = source.get("field");
                // Elasticsearch reports cosine similarity as (1 + cos) / 2
                double cosine = passage.score() == null ? 0 : vectors.model().calibrated(2 * passage.score() - 1);
                if (text != null) {
                    found.add(new Found(text.toString(), field == null ? null : field.toString(), cosine));
                }
            }
            byId.put(hit.id(), found);
        }
        return byId;
    }

    record Found(String text, @Nullable String field, double cosine) {
    }

    static RequirementEvidence judge(Requirement requirement, List<Found> passages) {
        Found best = null;
        double bestSupport = 0;
        for (Found passage : passages) {
            double support = support(requirement.text(), passage);
            if (best == null || support > bestSupport) {
                best = passage;
                bestSupport = support;
            }
        }
        double support = Math.round(bestSupport * 1000) / 1000.0;
        String verdict = support >= EVIDENCED ? RequirementEvidence.EVIDENCED
                : support >= PARTLY ? RequirementEvidence.PARTLY_EVIDENCED : RequirementEvidence.NOT_EVIDENCED;
        Found quoted = best != null && support >= PARTLY ? best : null;
        return new RequirementEvidence(requirement.text(), requirement.importance(), verdict, support,
                quoted == null ? null : quoted.text(), quoted == null ? null : quoted.field());
    }

    /**
     * Mostly meaning, partly the requirement's own content words found in the passage
     * (word stems by prefix).
     */
    static double support(String requirement, Found passage) {
        double meaning = Math.max(0, Math.min(1, (passage.cosine() - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR)));
        return 0.75 * meaning + 0.25 * wordsShared(requirement, passage.text());
    }

    static double wordsShared(String requirement, String passage) {
        List<String> wanted = stems(requirement);
        if (wanted.isEmpty()) {
            return 0;
        }
        Set<String> offered = Set.copyOf(stems(passage));
        return (double) wanted.stream().filter(offered::contains).count() / wanted.size();
    }

    private static List<String> stems(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT))
            .results()
            .map(MatchResult::group)
            .filter(word -> word.length() >= 3 && !FUNCTION_WORDS.contains(word))
            .map(word -> word.length() > 5 ? word.substring(0, 5) : word)
            .distinct()
            .collect(Collectors.toList());
    }

}
