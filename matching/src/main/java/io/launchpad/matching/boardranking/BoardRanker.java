package io.launchpad.matching.boardranking;

import io.launchpad.matching.ranking.QueryVectors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.UUID;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.Tiebreak;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.IndexedCandidate.Passage;
import io.launchpad.matching.MatchWindow;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link BoardRanking} over the candidates and board-roles indexes: hard filters
 * (visibility, attendance, governance, status) inside Elasticsearch, candidates from
 * {@link ThreeLists}, order from {@link BoardScore}; equal scores by relevance, then
 * {@link Tiebreak} of the id (never by insertion order).
 */
final class BoardRanker implements BoardRanking {

    /** Re-ranked per request, at least: every list's best are in it. */
    static final int MIN_POOL = 60;
    static final int MAX_QUERY_CHARACTERS = 8_000;
    static final List<String> MATCHABLE = List.of("matching", "public");

    private static final List<String> CANDIDATE_TEXT_FIELDS = List.of("text.skills^2", "text.summary",
            "text.headline^1.5", "text.experience", "text.sectors");

    private static final List<String> ROLE_TEXT_FIELDS = List.of("text.title^2", "text.gaps^2", "text.description");

    private final IndexSetup indexes;

    private final IndexNames names;

    private final QueryVectors vectors;

    private final Clock clock;

    private final ThreeLists<StoredCandidate> candidates;

    private final ThreeLists<StoredBoardRole> roles;

    BoardRanker(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names, QueryVectors vectors,
            Clock clock) {
        this.indexes = indexes;
        this.names = names;
        this.vectors = vectors;
        this.clock = clock;
        this.candidates = new ThreeLists<>(elasticsearch);
        this.roles = new ThreeLists<>(elasticsearch);
    }

    // ---- candidates for a role

    @Override
    public Mono<List<RankedCandidate>> candidatesFor(BoardRoleForMatching role, MatchWindow window) {
        Objects.requireNonNull(role, "role");
        int size = Math.min(window.size(), MAX_LIMIT);
        if (!role.hasGaps() || size <= 0) {
            return Mono.just(List.of());
        }
        String text = cut(BoardDocuments.roleText(role));
        return indexes.ready()
            .then(Mono.fromCallable(() -> roleForScoring(role, text, indexes.vectorsComparable(names.candidates())))
                .subscribeOn(Schedulers.boundedElastic()))
            .flatMap(scoredRole -> candidates
                .find(new ThreeLists.Spec<>(names.candidates(), StoredCandidate.class, StoredCandidate.FIELDS,
                        candidateFilter(role), gapsMet(role.gaps()), text, CANDIDATE_TEXT_FIELDS, scoredRole.vector()),
                        window.pool(MIN_POOL), window.depth())
                .map(found -> {
                    double best = bestKeywords(found.values());
                    List<RankedCandidate> ranked = new ArrayList<>();
                    for (ThreeLists.Found<StoredCandidate> hit : found.values()) {
                        BoardScore.Scored scored = BoardScore.score(scoredRole, hit.document().scored(),
                                best <= 0 ? 0 : hit.keywords() / best, vectors.model());
                        // a near-empty profile is never shown to a board: it says too
                        // little to be a match
                        if (scored != null && !scored.reasons().littleDetail()) {
                            ranked.add(new RankedCandidate(hit.document().candidateId(), scored.score(),
                                    scored.reasons()));
                        }
                    }
                    return best(ranked, RankedCandidate::position, window, size);
                }));
    }

    /**
     * The role's gaps and whole text, embedded (cached: the same role is matched again
     * and again).
     */
    private BoardScore.Role roleForScoring(BoardRoleForMatching role, String text, boolean meaning) {
        List<BoardScore.Gap> gaps = new ArrayList<>();
        Map<String, RankedSkill> framework = new HashMap<>();
        role.gaps().forEach(gap -> framework.putIfAbsent(gap.skillLabel(), gap));
        for (String gap : BoardDocuments.gapTexts(role)) {
            // no vectors over an index of another model's (changed model, no reindex
            // yet): keywords and codes only
            gaps.add(new BoardScore.Gap(framework.get(gap), gap, meaning ? vectors.of(gap) : null));
        }
        return new BoardScore.Role(gaps, text.isBlank() || !meaning ? null : vectors.of(text), role.attendance(),
                role.region(), role.hoursPerMonth());
    }

    /**
     * Chose to be matched; meets the role's attendance; has governance experience when
     * the role requires it.
     */
    private static Query candidateFilter(BoardRoleForMatching role) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
            .filter(f -> f.terms(t -> t.field("visibility").terms(v -> v.value(values(MATCHABLE)))));
        switch (role.attendance()) {
            case BoardRoleForMatching.IN_PERSON ->
                bool.filter(f -> f.term(t -> t.field("region_code").value(role.region() == null ? "" : role.region())));
            case BoardRoleForMatching.REMOTE -> bool.filter(f -> f.term(t -> t.field("remote").value(true)));
            default -> {
                // hybrid: no location rule
            }
        }
        if (role.governanceRequired()) {
            bool.filter(f -> f.term(t -> t.field("governance").value(true)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    // ---- roles for a candidate

    @Override
    public Mono<List<RankedRole>> rolesFor(CandidateForMatching candidate, MatchWindow window) {
        Objects.requireNonNull(candidate, "candidate");
        int size = Math.min(window.size(), MAX_LIMIT);
        if (!candidate.hasSkills() || size <= 0) {
            return Mono.just(List.of());
        }
        String text = cut(BoardDocuments.candidateText(candidate));
        LocalDate today = LocalDate.now(clock);
        return indexes.ready()
            .then(Mono
                .fromCallable(() -> candidateForScoring(candidate, text, indexes.vectorsComparable(names.boardRoles())))
                .subscribeOn(Schedulers.boundedElastic()))
            .flatMap(scoredCandidate -> roles
                .find(new ThreeLists.Spec<>(names.boardRoles(), StoredBoardRole.class, StoredBoardRole.FIELDS,
                        roleFilter(candidate, today), skillsOffered(candidate.skills()), text, ROLE_TEXT_FIELDS,
                        wholeOf(scoredCandidate)), window.pool(MIN_POOL), window.depth())
                .map(found -> {
                    double best = bestKeywords(found.values());
                    List<RankedRole> ranked = new ArrayList<>();
                    for (ThreeLists.Found<StoredBoardRole> hit : found.values()) {
                        StoredBoardRole role = hit.document();
                        BoardScore.Scored scored = BoardScore.score(role.scored(), scoredCandidate,
                                best <= 0 ? 0 : hit.keywords() / best, vectors.model());
                        if (scored != null) {
                            ranked.add(new RankedRole(role.boardRoleId(), role.organisationId(), scored.score(),
                                    scored.reasons()));
                        }
                    }
                    return best(ranked, RankedRole::position, window, size);
                }));
    }

    /**
     * The candidate's passages and whole profile, embedded as the index would hold them.
     */
    private BoardScore.Candidate candidateForScoring(CandidateForMatching candidate, String text, boolean meaning) {
        List<Passage> passages = new ArrayList<>();
        float[] whole = text.isBlank() || !meaning ? null : vectors.passage(text);
        if (whole != null) {
            passages.add(Passage.of(BoardDocuments.WHOLE, null, 0, whole));
        }
        for (BoardDocuments.PassageText passage : BoardDocuments.candidatePassages(candidate)) {
            passages.add(Passage.of(passage.kind(), passage.text(), passage.level(),
                    meaning ? vectors.passage(passage.text()) : null));
        }
        return new BoardScore.Candidate(candidate.skills(),
                candidate.skills().stream().flatMap(skill -> skill.adjacent().stream()).distinct().toList(), passages,
                candidate.hasGovernanceExperience(), candidate.governanceYears(), candidate.region(),
                candidate.remote(), candidate.hoursPerMonth(), BoardDocuments.substance(candidate));
    }

    private static float @Nullable [] wholeOf(BoardScore.Candidate candidate) {
        return candidate.passages()
            .stream()
            .filter(p -> BoardDocuments.WHOLE.equals(p.kind()))
            .map(Passage::vector)
            .findFirst()
            .orElse(null);
    }

    /**
     * Open, closing today or later; the candidate meets its attendance and, where
     * required, its governance rule.
     */
    private static Query roleFilter(CandidateForMatching candidate, LocalDate today) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(f -> f.term(t -> t.field("status_code").value("open")))
            .filter(f -> f.range(r -> r.date(d -> d.field("closing_date").gte(today.toString()))));
        bool.filter(f -> f.bool(place -> {
            place.should(s -> s.term(t -> t.field("attendance").value(BoardRoleForMatching.HYBRID)));
            place.should(s -> s.bool(b -> b
                .filter(x -> x.term(t -> t.field("attendance").value(BoardRoleForMatching.IN_PERSON)))
                .filter(x -> x
                    .term(t -> t.field("region_code").value(candidate.region() == null ? "" : candidate.region())))));
            if (candidate.remote()) {
                place.should(s -> s.term(t -> t.field("attendance").value(BoardRoleForMatching.REMOTE)));
            }
            return place.minimumShouldMatch("1");
        }));
        if (!candidate.hasGovernanceExperience()) {
            bool.mustNot(f -> f.term(t -> t.field("governance_required").value(true)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    // ---- shared

    /**
     * Score, then relevance (finer than the rounded score), then the stable hash of the
     * id; this page only.
     */
    private static <M> List<M> best(List<M> ranked, Function<M, MatchWindow.MatchPosition> position, MatchWindow window,
            int size) {
        return ranked.stream()
            .sorted(Comparator.comparing(position, MatchWindow.MatchPosition.ORDER))
            .filter(match -> window.admits(position.apply(match)))
            .limit(size)
            .toList();
    }

    private static double bestKeywords(Collection<? extends ThreeLists.Found<?>> found) {
        return found.stream().mapToDouble(ThreeLists.Found::keywords).max().orElse(0);
    }

    /**
     * One point per framework gap the document meets at the level needed
     * ({@code skill@rank}), half a point per gap skill held below it, a third for an
     * adjacent skill. Null (no list) without framework gaps.
     */
    private static @Nullable Query gapsMet(List<RankedSkill> gaps) {
        if (gaps.isEmpty()) {
            return null;
        }
        return Query.of(q -> q.bool(bool -> {
            for (RankedSkill gap : gaps) {
                bool.should(s -> s.constantScore(c -> c.boost(1f)
                    .filter(f -> f.term(t -> t.field("skill_levels")
                        .value(BoardDocuments.level(gap.skill(), Math.max(1, gap.rank())))))));
                bool.should(s -> s.constantScore(
                        c -> c.boost(0.5f).filter(f -> f.term(t -> t.field("skill_codes").value(gap.skill())))));
                bool.should(s -> s.constantScore(
                        c -> c.boost(0.3f).filter(f -> f.term(t -> t.field("adjacent_codes").value(gap.skill())))));
                if (!gap.adjacent().isEmpty()) {
                    bool.should(s -> s.constantScore(c -> c.boost(0.3f)
                        .filter(f -> f
                            .terms(t -> t.field("skill_codes").terms(v -> v.value(values(gap.adjacent())))))));
                }
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    /**
     * The mirror of {@link #gapsMet}: a role's gap {@code skill@rank} is met by every
     * rank up to the one offered.
     */
    private static @Nullable Query skillsOffered(List<RankedSkill> skills) {
        if (skills.isEmpty()) {
            return null;
        }
        return Query.of(q -> q.bool(bool -> {
            for (RankedSkill skill : skills) {
                for (int rank = 1; rank <= skill.rank(); rank++) {
                    String level = BoardDocuments.level(skill.skill(), rank);
                    bool.should(s -> s
                        .constantScore(c -> c.boost(1f).filter(f -> f.term(t -> t.field("gap_levels").value(level)))));
                }
                bool.should(s -> s.constantScore(
                        c -> c.boost(0.5f).filter(f -> f.term(t -> t.field("gap_codes").value(skill.skill())))));
                if (!skill.adjacent().isEmpty()) {
                    bool.should(s -> s.constantScore(c -> c.boost(0.3f)
                        .filter(f -> f
                            .terms(t -> t.field("gap_codes").terms(v -> v.value(values(skill.adjacent())))))));
                }
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    private static String cut(String text) {
        return text.length() > MAX_QUERY_CHARACTERS ? text.substring(0, MAX_QUERY_CHARACTERS) : text;
    }

    private static List<FieldValue> values(Collection<String> values) {
        return new ArrayList<>(values.stream().map(FieldValue::of).toList());
    }

}
