package io.launchpad.matching.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.indexes.CompactVector;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.KnownVectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.regex.MatchResult;

/**
 * For each requirement of a challenge, each candidate's best passage: the candidates'
 * passages, embedded at index time (no profile is embedded at query time), are read in
 * one search and compared with each requirement by cosine; the closest few are then
 * weighed by meaning and by the requirement's own words, and judged evidenced, partly
 * evidenced or not evidenced.
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
     * Per requirement vector, candidate id → its closest passages (text, field, cosine).
     * The candidates' passages and their vectors are read once, in one search by id, and
     * compared with every requirement here: a page of candidates holds a few hundred
     * passages, and a nested kNN search per requirement cost each request several fetch
     * phases. The vectors are read as {@link CompactVector}s; a document written before
     * they were stored has its dense vectors read instead. An index built before passages
     * were stored (or without any) gives no evidence, not an error.
     */
    private Mono<List<Map<String, List<Found>>>> closestPassages(String index, List<String> ids,
            List<float[]> requirementVectors) {
        List<Map<String, List<Found>>> nothing = requirementVectors.stream()
            .map(vector -> Map.<String, List<Found>>of())
            .toList();
        return passages(index, ids, false).flatMap(hits -> {
            Set<String> older = hits.stream()
                .filter(RequirementEvidenceFinder::withoutCompactVectors)
                .map(Hit::id)
                .collect(Collectors.toSet());
            return older.isEmpty() ? Mono.just(hits) : passages(index, List.copyOf(older), true).map(dense -> {
                List<Hit<StoredPassages>> all = new ArrayList<>(
                        hits.stream().filter(hit -> !older.contains(hit.id())).toList());
                all.addAll(dense);
                return all;
            });
        }).map(hits -> {
            Map<String, List<Decoded>> decoded = decoded(hits);
            return requirementVectors.stream().map(requirement -> closest(decoded, requirement)).toList();
        }).onErrorResume(ElasticsearchException.class, refused -> Mono.just(nothing));
    }

    /**
     * {@code dense}: read Elasticsearch's own vectors, which it keeps out of
     * {@code _source} unless asked.
     */
    private Mono<List<Hit<StoredPassages>>> passages(String index, List<String> ids, boolean dense) {
        return elasticsearch
            .call(dense ? "read candidates' passage vectors" : "read candidates' passages",
                    client -> client.search(
                            search -> search.index(index)
                                .size(ids.size())
                                .trackTotalHits(track -> track.enabled(false))
                                .query(query -> query.ids(i -> i.values(ids)))
                                .source(source -> source.filter(filter -> dense
                                        ? filter.includes("passages.text", "passages.field", "passages.embedding")
                                            .excludeVectors(false)
                                        : filter.includes("passages.text", "passages.field", "passages.v"))),
                            StoredPassages.class))
            .map(response -> response.hits().hits());
    }

    private static boolean withoutCompactVectors(Hit<StoredPassages> hit) {
        StoredPassages stored = hit.source();
        return stored != null && stored.passages() != null
                && stored.passages().stream().anyMatch(passage -> passage.text() != null && passage.v() == null);
    }

    /**
     * Candidate id → its passages with their vectors, decoded once for all requirements.
     */
    private static Map<String, List<Decoded>> decoded(List<Hit<StoredPassages>> hits) {
        Map<String, List<Decoded>> byId = new HashMap<>();
        for (Hit<StoredPassages> hit : hits) {
            StoredPassages stored = hit.source();
            if (stored == null || stored.passages() == null) {
                continue;
            }
            List<Decoded> passages = new ArrayList<>(stored.passages().size());
            for (StoredPassage passage : stored.passages()) {
                float[] vector = passage.vector();
                if (passage.text() != null && vector != null) {
                    passages.add(new Decoded(passage.text(), passage.field(), vector));
                }
            }
            byId.put(hit.id(), passages);
        }
        return byId;
    }

    private record Decoded(String text, @Nullable String field, float[] vector) {
    }

    /**
     * Each candidate's {@link #PASSAGES_PER_CANDIDATE} passages closest to one
     * requirement.
     */
    private Map<String, List<Found>> closest(Map<String, List<Decoded>> candidates, float[] requirement) {
        Map<String, List<Found>> byId = new HashMap<>();
        candidates.forEach((id, passages) -> {
            List<Found> found = new ArrayList<>();
            for (Decoded passage : passages) {
                if (passage.vector().length == requirement.length) {
                    double cosine = Embeddings.cosine(requirement, passage.vector());
                    found.add(new Found(passage.text(), passage.field(), vectors.model().calibrated(cosine)));
                }
            }
            found.sort(Comparator.comparingDouble(Found::cosine).reversed());
            byId.put(id, List.copyOf(found.subList(0, Math.min(PASSAGES_PER_CANDIDATE, found.size()))));
        });
        return byId;
    }

    /** What is read back of a candidate: its passages, each with its vector. */
    record StoredPassages(@Nullable List<StoredPassage> passages) {
    }

    /**
     * A passage with its vector: compact ({@code v}), or Elasticsearch's own
     * ({@code embedding}) for a document written before compact vectors were stored.
     */
    record StoredPassage(@Nullable String text, @Nullable String field, @Nullable String v,
            float @Nullable [] embedding) {

        float @Nullable [] vector() {
            return embedding != null ? embedding : CompactVector.unpack(v);
        }
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
