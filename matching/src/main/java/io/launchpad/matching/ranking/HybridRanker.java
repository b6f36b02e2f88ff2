package io.launchpad.matching.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.ChallengeMatch;
import io.launchpad.matching.ChallengeMatching;
import io.launchpad.matching.MatchReasons;
import io.launchpad.matching.MatchWindow;
import io.launchpad.matching.PilotEvidence;
import io.launchpad.matching.RankingMode;
import io.launchpad.matching.RequirementEvidence;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import io.launchpad.matching.Taxonomy;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.EmbeddingModel;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.indexes.KnownVectors;
import io.launchpad.matching.indexes.TextAnalysis;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;
import java.util.Collections;
import java.util.HashSet;

/**
 * Both directions of matching: suppliers for a challenge and open challenges for a
 * supplier. Hard filters run inside Elasticsearch (on both candidate lists), candidates
 * come from {@link Candidates}, and {@link Scoring} turns each into a 0–100 score with
 * its reasons. The final order is by score, then by a stable hash of the id
 * ({@link MatchWindow.MatchPosition}), so equal scores never depend on insertion order.
 */
final class HybridRanker implements SupplierMatching, ChallengeMatching {

    /** Long texts add little beyond their first pages and would only slow the query. */
    static final int MAX_QUERY_CHARACTERS = 8_000;

    /**
     * Candidates re-ranked per request, at least: the re-rank may reorder within this
     * pool.
     */
    static final int MIN_POOL = 30;

    private static final List<String> SUPPLIER_FIELDS = List.of("text.capabilities^3", "text.products^2",
            "text.case_studies^1.5", "text.summary^2", "text.name^1.5");

    /** A supplier's text by field shown, in the order highlights prefer them. */
    private static final Function<StoredSupplier, Map<String, @Nullable String>> SUPPLIER_SHOWN = supplier -> {
        StoredSupplier.Text text = supplier.textOrEmpty();
        return ordered("capabilities", text.capabilities(), "products", text.products(), "caseStudies",
                text.caseStudies(), "summary", text.summary(), "name", text.name());
    };

    private static final List<String> SUPPLIER_SOURCE = List.of("supplier_id", "organisation_id", "published",
            "size_code", "region_codes", "accreditation_codes", "category_codes", "updated_at", "text.name",
            "text.summary",
            // the rest of the text for the profile-quality cap (read back, not
            // re-derived: old indexes work too)
            "text.capabilities", "text.products", "text.case_studies");

    private static final List<String> CHALLENGE_FIELDS = List.of("text.title^3", "text.summary^2", "text.description",
            "text.categories^2");

    private static final Function<StoredChallenge, Map<String, @Nullable String>> CHALLENGE_SHOWN = challenge -> {
        StoredChallenge.Text text = challenge.textOrEmpty();
        return ordered("title", text.title(), "summary", text.summary(), "description", text.description());
    };

    private static final List<String> CHALLENGE_SOURCE = List.of("challenge_id", "organisation_id", "status_code",
            "category_codes", "region_codes", "required_accreditation_codes", "closing_date", "updated_at",
            "text.organisation_name", "text.title", "text.summary", "text.description");

    private final IndexSetup indexes;

    private final IndexNames names;

    private final Embeddings embeddings;

    private final QueryVectors vectors;

    private final StoredVectors stored;

    private final Taxonomy taxonomy;

    private final PilotEvidence pilots;

    private final Clock clock;

    private final Candidates<StoredSupplier> suppliers;

    private final Candidates<StoredChallenge> challenges;

    private final RequirementEvidenceFinder requirementEvidence;

    private final Explanations explanations;

    HybridRanker(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names, Embeddings embeddings,
            Taxonomy taxonomy, PilotEvidence pilots, Clock clock) {
        this.indexes = indexes;
        this.names = names;
        this.embeddings = embeddings;
        this.vectors = new QueryVectors(embeddings);
        this.stored = new StoredVectors(elasticsearch);
        this.taxonomy = taxonomy;
        this.pilots = pilots;
        this.clock = clock;
        // built as the index template is: same rules, same taxonomy
        QueryHighlighter highlighter = new QueryHighlighter(TextAnalysis.synonymRules(Taxonomy.housing()));
        this.suppliers = new Candidates<>(elasticsearch, highlighter);
        this.challenges = new Candidates<>(elasticsearch, highlighter);
        this.requirementEvidence = new RequirementEvidenceFinder(elasticsearch, vectors);
        this.explanations = new Explanations(taxonomy);
    }

    // ---- suppliers for a challenge

    @Override
    public Mono<List<SupplierMatch>> suppliersFor(ChallengeDocument challenge, MatchWindow window, RankingMode mode,
            Set<UUID> excludedOrganisations) {
        Objects.requireNonNull(challenge, "challenge");
        if (!indexes.settled()) {
            return indexes.ready().then(Mono.defer(() -> suppliersFor(challenge, window, mode, excludedOrganisations)));
        }
        RankingMode ranking = effective(mode, names.suppliers());
        String text = cut(String.join("\n",
                Stream
                    .of(Stream.of(challenge.title()), challenge.essentialRequirements().stream(),
                            challenge.niceToHaveRequirements().stream(),
                            Stream.of(challenge.summary(), challenge.description()),
                            challenge.categories()
                                .stream()
                                .map(code -> taxonomy.labels(Taxonomy.CATEGORY).getOrDefault(code, code)))
                    .flatMap(s -> s)
                    .filter(Objects::nonNull)
                    .toList()));
        int size = Math.min(window.size(), SupplierMatching.MAX_LIMIT);
        if (text.isBlank() || size <= 0) {
            return Mono.just(List.of());
        }
        Query filter = supplierFilter(challenge, excludedOrganisations == null ? Set.of() : excludedOrganisations);
        Instant now = clock.instant();
        // a published challenge and its requirements were embedded when it was indexed; a
        // draft or a fresh
        // edit is embedded now
        Mono<StoredVectors.Vectors> storedVectors = ranking != RankingMode.HYBRID ? Mono.empty()
                : stored.of(names.challenges(), challenge.id(), challenge.version())
                    .onErrorResume(error -> Mono.empty())
                    .cache();
        Mono<float[]> vector = storedVectors.map(StoredVectors.Vectors::embedding)
            .switchIfEmpty(queryVector(IndexedDocuments.challengeText(challenge), ranking));
        Candidates.Spec<StoredSupplier> spec = new Candidates.Spec<>(names.suppliers(), StoredSupplier.class,
                SUPPLIER_SOURCE, filter, text, vector, SUPPLIER_FIELDS, SUPPLIER_SHOWN);
        List<RequirementEvidenceFinder.Requirement> requirements = requirements(challenge);
        int pool = window.pool(MIN_POOL);
        // completed pilots and evidence per requirement need only the kept
        // ids: asked while round two runs
        Function<List<String>, Mono<Tuple2<Map<UUID, Integer>, Map<String, List<RequirementEvidence>>>>> alongside = ids -> Mono
            .zip(pilots.completedPilots(ids.stream().map(UUID::fromString).toList()).defaultIfEmpty(Map.of()),
                    // passages carry vectors: requirements are judged by meaning in
                    // hybrid mode only
                    ranking != RankingMode.HYBRID ? Mono.just(Map
                        .<String, List<RequirementEvidence>>of()) : storedVectors
                            .map(StoredVectors.Vectors::requirements)
                            .defaultIfEmpty(KnownVectors.NONE)
                            .flatMap(known -> requirementEvidence.find(names.suppliers(), ids, requirements, known)));
        return indexes.ready().then(suppliers.find(spec, ranking, pool, window.depth(), alongside)).map(found -> {
            List<SupplierMatch> matches = found.candidates()
                .stream()
                .map(candidate -> supplierMatch(challenge, candidate, found.alongside().getT1(),
                        found.alongside().getT2().getOrDefault(candidate.id(), List.of()), !requirements.isEmpty(),
                        ranking, now))
                .sorted(Comparator.comparing(SupplierMatch::position, MatchWindow.MatchPosition.ORDER))
                .filter(match -> window.admits(match.position()))
                .limit(size)
                .toList();
            return suppliers.withHighlights(spec, found.candidates(), matches, SupplierMatch::supplierId,
                    SupplierMatch::name, SupplierMatch::withHighlights);
        });
    }

    private Query supplierFilter(ChallengeDocument challenge, Set<UUID> excluded) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(f -> f.term(t -> t.field("published").value(true)));
        if (!challenge.regions().isEmpty()) {
            // a supplier working remotely serves every region; one naming no region
            // serves none
            bool.filter(f -> f.terms(t -> t.field("region_codes")
                .terms(v -> v.value(values(Stream.concat(challenge.regions().stream(), Stream.of(Taxonomy.REMOTE))
                    .distinct()
                    .toList())))));
        }
        // each required accreditation is met by holding it or a broader one that
        // satisfies it (taxonomy data)
        challenge.requiredAccreditations()
            .forEach(code -> bool.filter(f -> f.terms(t -> t.field("accreditation_codes")
                .terms(v -> v.value(values(taxonomy.satisfiersOf(Taxonomy.ACCREDITATION, code)))))));
        Set<UUID> never = new HashSet<>(excluded);
        if (challenge.organisationId() != null) {
            never.add(challenge.organisationId());
        }
        if (!never.isEmpty()) {
            bool.mustNot(m -> m.terms(t -> t.field("organisation_id")
                .terms(v -> v.value(values(never.stream().map(UUID::toString).toList())))));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Essential requirements first, then nice-to-haves, in the challenge's own words. */
    private static List<RequirementEvidenceFinder.Requirement> requirements(ChallengeDocument challenge) {
        return Stream
            .concat(challenge.essentialRequirements()
                .stream()
                .filter(text -> text != null && !text.isBlank())
                .map(text -> new RequirementEvidenceFinder.Requirement(text.strip(), RequirementEvidence.ESSENTIAL)),
                    challenge.niceToHaveRequirements()
                        .stream()
                        .filter(text -> text != null && !text.isBlank())
                        .map(text -> new RequirementEvidenceFinder.Requirement(text.strip(),
                                RequirementEvidence.NICE_TO_HAVE)))
            .toList();
    }

    /**
     * Supports averaged, essential requirements counting twice; 0 when none was judged.
     */
    static double requirementsPart(List<RequirementEvidence> judged) {
        double weighted = 0;
        double weights = 0;
        for (RequirementEvidence evidence : judged) {
            double weight = RequirementEvidence.ESSENTIAL.equals(evidence.importance()) ? 2 : 1;
            weighted += weight * evidence.support();
            weights += weight;
        }
        return weights == 0 ? 0 : weighted / weights;
    }

    private SupplierMatch supplierMatch(ChallengeDocument challenge, Candidates.Candidate<StoredSupplier> candidate,
            Map<UUID, Integer> evidence, List<RequirementEvidence> judged, boolean requirementsStated, RankingMode mode,
            Instant now) {
        StoredSupplier supplier = candidate.document();
        List<String> matched = intersection(challenge.categories(), supplier.categories());
        int completed = evidence.getOrDefault(supplier.supplierId(), 0);
        double semantic = Scoring.semantic(calibrated(candidate.cosine()));
        StoredSupplier.Text text = supplier.textOrEmpty();
        double quality = ProfileQuality.of(text.summary(), text.capabilities(), text.products(), text.caseStudies());
        MatchReasons.ScoreParts parts = new MatchReasons.ScoreParts(Scoring.round(Scoring.text(candidate.bm25())),
                Scoring.round(semantic), Scoring.round(Scoring.taxonomy(challenge.categories(), matched)),
                Scoring.round(Scoring.evidence(completed)),
                Scoring.round(Scoring.profileFreshness(supplier.updatedAt(), now)), Scoring.round(quality),
                Scoring.round(requirementsPart(judged)));
        Regions regions = Regions.of(challenge.regions(), supplier.regions());
        List<String> cautions = ProfileQuality.littleDetail(quality) ? List.of(MatchReasons.LITTLE_DETAIL) : List.of();
        List<String> accreditationsMet = List.copyOf(taxonomy.met(Taxonomy.ACCREDITATION, supplier.accreditations()));
        MatchReasons reasons = new MatchReasons(judged, matched, Scoring.round(semantic),
                Scoring.closeness(semantic, mode), regions.met(), regions.missing(),
                intersection(challenge.requiredAccreditations(), accreditationsMet),
                difference(challenge.requiredAccreditations(), accreditationsMet), completed, parts, cautions,
                List.of());
        reasons = reasons.withExplanations(explanations.of(reasons, supplier.accreditations()));
        // a thin or keyword-stuffed profile cannot score above what its substance allows,
        // however many words it shares
        boolean judgedRequirements = requirementsStated && mode == RankingMode.HYBRID;
        int score = (int) Math.round(Scoring.score(parts, mode, judgedRequirements) * ProfileQuality.factor(quality));
        return new SupplierMatch(supplier.supplierId(), text.name(), text.summary(), score, List.of(),
                supplier.regions(), supplier.accreditations(), reasons);
    }

    // ---- open challenges for a supplier

    @Override
    public Mono<List<ChallengeMatch>> challengesFor(SupplierDocument supplier, MatchWindow window, RankingMode mode,
            Set<UUID> excludedOrganisations) {
        Objects.requireNonNull(supplier, "supplier");
        if (!indexes.settled()) {
            return indexes.ready().then(Mono.defer(() -> challengesFor(supplier, window, mode, excludedOrganisations)));
        }
        RankingMode ranking = effective(mode, names.challenges());
        // the name is left out of the keywords: it is a brand, not a description of the
        // work
        String text = cut(String.join("\n",
                Stream.of(supplier.summary(), supplier.capabilities(), supplier.products(), supplier.caseStudies())
                    .filter(Objects::nonNull)
                    .toList()));
        int size = Math.min(window.size(), ChallengeMatching.MAX_LIMIT);
        if (text.isBlank() || size <= 0) {
            return Mono.just(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        Query filter = challengeFilter(supplier, excludedOrganisations == null ? Set.of() : excludedOrganisations,
                today);
        String profileText = IndexedDocuments.supplierText(supplier);
        List<String> supplierCategories = supplier.categories();
        Candidates.Spec<StoredChallenge> spec = new Candidates.Spec<>(names.challenges(), StoredChallenge.class,
                CHALLENGE_SOURCE, filter, text, queryVector(profileText, ranking), CHALLENGE_FIELDS, CHALLENGE_SHOWN);
        return indexes.ready()
            .then(challenges.find(spec, ranking, window.pool(MIN_POOL), window.depth()))
            .flatMap(candidates -> pilots.completedPilots(supplier.id() == null ? List.of() : List.of(supplier.id()))
                .defaultIfEmpty(Map.of())
                .map(evidence -> {
                    List<ChallengeMatch> matches = candidates.stream()
                        .map(candidate -> challengeMatch(supplier, supplierCategories, candidate,
                                evidence.getOrDefault(supplier.id(), 0), ranking, today))
                        .sorted(Comparator.comparing(ChallengeMatch::position, MatchWindow.MatchPosition.ORDER))
                        .filter(match -> window.admits(match.position()))
                        .limit(size)
                        .toList();
                    return challenges.withHighlights(spec, candidates, matches, ChallengeMatch::challengeId,
                            ChallengeMatch::organisationName, ChallengeMatch::withHighlights);
                }));
    }

    private Query challengeFilter(SupplierDocument supplier, Set<UUID> excluded, LocalDate today) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
            .filter(f -> f.term(t -> t.field("status_code").value("published")))
            .filter(f -> f.range(r -> r.date(d -> d.field("closing_date").gte(today.toString()))));
        if (!supplier.regions().contains(Taxonomy.REMOTE)) {
            // challenges naming no region are open to everyone; otherwise one of theirs
            // must be served
            bool.filter(f -> f.bool(any -> {
                any.should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("region_codes")))));
                if (!supplier.regions().isEmpty()) {
                    any.should(
                            s -> s.terms(t -> t.field("region_codes").terms(v -> v.value(values(supplier.regions())))));
                }
                return any.minimumShouldMatch("1");
            }));
        }
        // "requires nothing the supplier lacks": no required code outside what it holds
        List<String> lacking = difference(taxonomy.codes(Taxonomy.ACCREDITATION),
                List.copyOf(taxonomy.met(Taxonomy.ACCREDITATION, supplier.accreditations())));
        if (!lacking.isEmpty()) {
            bool.mustNot(
                    m -> m.terms(t -> t.field("required_accreditation_codes").terms(v -> v.value(values(lacking)))));
        }
        Set<UUID> never = new HashSet<>(excluded);
        if (supplier.organisationId() != null) {
            never.add(supplier.organisationId());
        }
        bool.mustNot(m -> m.terms(t -> t.field("organisation_id")
            .terms(v -> v.value(values(never.stream().map(UUID::toString).toList())))));
        return Query.of(q -> q.bool(bool.build()));
    }

    private ChallengeMatch challengeMatch(SupplierDocument supplier, List<String> supplierCategories,
            Candidates.Candidate<StoredChallenge> candidate, int completed, RankingMode mode, LocalDate today) {
        StoredChallenge challenge = candidate.document();
        List<String> matched = intersection(challenge.categories(), supplierCategories);
        double semantic = Scoring.semantic(calibrated(candidate.cosine()));
        MatchReasons.ScoreParts parts = new MatchReasons.ScoreParts(Scoring.round(Scoring.text(candidate.bm25())),
                Scoring.round(semantic), Scoring.round(Scoring.taxonomy(challenge.categories(), matched)),
                Scoring.round(Scoring.evidence(completed)),
                Scoring.round(Scoring.closingFreshness(challenge.closingDate(), today)), 1.0, 0.0);
        Regions regions = Regions.of(challenge.regions(), supplier.regions());
        List<String> accreditationsMet = List.copyOf(taxonomy.met(Taxonomy.ACCREDITATION, supplier.accreditations()));
        MatchReasons reasons = new MatchReasons(List.of(), matched, Scoring.round(semantic),
                Scoring.closeness(semantic, mode), regions.met(), regions.missing(),
                intersection(challenge.requiredAccreditations(), accreditationsMet),
                difference(challenge.requiredAccreditations(), accreditationsMet), completed, parts, List.of(),
                List.of());
        reasons = reasons.withExplanations(explanations.of(reasons, supplier.accreditations()));
        StoredChallenge.Text text = challenge.textOrEmpty();
        return new ChallengeMatch(challenge.challengeId(), challenge.organisationId(), text.organisationName(),
                text.title(), text.summary(), challenge.closingDate(), Scoring.score(parts, mode), List.of(),
                challenge.categories(), challenge.regions(), reasons);
    }

    // ---- shared

    /**
     * Empty in BM25 mode or without text; the model runs off the event loop (it is CPU
     * work), only when subscribed.
     */
    /**
     * On the default model's cosine scale, which the thresholds speak
     * ({@link EmbeddingModel#calibrated}).
     */
    private @Nullable Double calibrated(@Nullable Double cosine) {
        return cosine == null ? null : embeddings.model().calibrated(cosine);
    }

    /**
     * Hybrid unless asked otherwise, but keywords only over an index that still holds
     * another embedding model's vectors (the model was changed and no full reindex has
     * run yet): comparing them with this model's query vector would rank by noise.
     */
    private RankingMode effective(RankingMode mode, String alias) {
        RankingMode asked = mode == null ? RankingMode.HYBRID : mode;
        return asked == RankingMode.HYBRID && !indexes.vectorsComparable(alias) ? RankingMode.BM25 : asked;
    }

    private Mono<float[]> queryVector(String text, RankingMode mode) {
        if (mode != RankingMode.HYBRID || text == null || text.isBlank()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> vectors.of(text)).subscribeOn(Schedulers.boundedElastic());
    }

    private static String cut(String text) {
        return text.length() > MAX_QUERY_CHARACTERS ? text.substring(0, MAX_QUERY_CHARACTERS) : text;
    }

    private static List<FieldValue> values(Collection<String> values) {
        return values.stream().map(FieldValue::of).toList();
    }

    static List<String> intersection(List<String> wanted, List<String> offered) {
        return wanted.stream().filter(offered::contains).distinct().toList();
    }

    static List<String> difference(List<String> wanted, List<String> offered) {
        return wanted.stream().filter(code -> !offered.contains(code)).distinct().toList();
    }

    /**
     * The challenge's regions a supplier serves and does not; serving remote meets them
     * all.
     */
    record Regions(List<String> met, List<String> missing) {

        static Regions of(List<String> challengeRegions, List<String> supplierRegions) {
            if (supplierRegions.contains(Taxonomy.REMOTE)) {
                List<String> met = new ArrayList<>(intersection(challengeRegions, supplierRegions));
                if (!challengeRegions.isEmpty() && met.size() < challengeRegions.size()) {
                    met.add(Taxonomy.REMOTE);
                }
                return new Regions(met.stream().distinct().toList(), List.of());
            }
            return new Regions(intersection(challengeRegions, supplierRegions),
                    difference(challengeRegions, supplierRegions));
        }
    }

    private static Map<String, @Nullable String> ordered(@Nullable String... keysAndValues) {
        Map<String, @Nullable String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(Objects.requireNonNull(keysAndValues[i], "a field name"), keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

}
