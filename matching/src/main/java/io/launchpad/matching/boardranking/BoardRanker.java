package io.launchpad.matching.boardranking;

import io.launchpad.matching.ranking.QueryVectors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.launchpad.matching.BoardRanking;
import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.indexes.BoardDocuments;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import io.launchpad.matching.indexes.Tiebreak;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link BoardRanking} over the candidates and board-roles indexes: hard filters inside
 * Elasticsearch, candidates from {@link ThreeLists}, order from {@link GapCoverageScore}, equal
 * scores by {@link Tiebreak} of the id (never by insertion order).
 */
final class BoardRanker implements BoardRanking {

    /** Re-ranked per request, at least: every list's best are in it. */
    static final int MIN_POOL = 60;
    static final int MAX_QUERY_CHARACTERS = 8_000;
    static final List<String> MATCHABLE = List.of("matching", "public");

    private static final List<String> CANDIDATE_TEXT_FIELDS = List.of("text.skills^2", "text.experience");
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
    public Mono<List<RankedCandidate>> candidatesFor(BoardRoleForMatching role, int limit) {
        Objects.requireNonNull(role, "role");
        if (role.gaps().isEmpty() || limit <= 0) {
            return Mono.just(List.of());
        }
        int size = Math.min(limit, MAX_LIMIT);
        GapCoverageScore.Role scoredRole = new GapCoverageScore.Role(role.gaps(), role.region(), role.remote(),
                role.hoursPerMonth());
        String text = cut(BoardDocuments.roleText(role));
        return indexes.ready()
                .then(queryVector(text))
                .flatMap(vector -> candidates.find(new ThreeLists.Spec<>(names.candidates(), StoredCandidate.class,
                        StoredCandidate.FIELDS, candidateFilter(role), gapsMet(role.gaps(), "skill_levels", "skill_codes"),
                        text, CANDIDATE_TEXT_FIELDS, vector.orElse(null)), Math.max(MIN_POOL, 2 * size)))
                .map(found -> found.values().stream()
                        .map(candidate -> {
                            GapCoverageScore.Scored scored = GapCoverageScore.score(scoredRole, new GapCoverageScore.Candidate(
                                    candidate.skillsOrEmpty(), orZero(candidate.governanceYears()), candidate.regionCode(),
                                    Boolean.TRUE.equals(candidate.remote()), orZero(candidate.hoursPerMonth())));
                            return scored == null ? null : new RankedCandidate(candidate.candidateId(), scored.score(), scored.reasons());
                        })
                        .filter(Objects::nonNull)
                        .sorted(Comparator.comparingInt(RankedCandidate::score).reversed()
                                .thenComparingLong(match -> Tiebreak.of(match.candidateId())))
                        .limit(size)
                        .toList());
    }

    /** Chose to be matched; lists one of the gaps; in the role's region, or both open to remote working. */
    private static Query candidateFilter(BoardRoleForMatching role) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.terms(t -> t.field("visibility").terms(v -> v.value(values(MATCHABLE)))))
                .filter(f -> f.terms(t -> t.field("skill_codes").terms(v -> v.value(values(
                        role.gaps().stream().map(RankedSkill::skill).distinct().toList())))));
        bool.filter(f -> f.bool(place -> {
            place.should(s -> s.term(t -> t.field("region_code").value(role.region() == null ? "" : role.region())));
            if (role.remote()) {
                place.should(s -> s.term(t -> t.field("remote").value(true)));
            }
            return place.minimumShouldMatch("1");
        }));
        return Query.of(q -> q.bool(bool.build()));
    }

    // ---- roles for a candidate

    @Override
    public Mono<List<RankedRole>> rolesFor(CandidateForMatching candidate, int limit) {
        Objects.requireNonNull(candidate, "candidate");
        if (candidate.skills().isEmpty() || limit <= 0) {
            return Mono.just(List.of());
        }
        int size = Math.min(limit, MAX_LIMIT);
        GapCoverageScore.Candidate scoredCandidate = new GapCoverageScore.Candidate(candidate.skills(),
                candidate.governanceYears(), candidate.region(), candidate.remote(), candidate.hoursPerMonth());
        String text = cut(BoardDocuments.candidateText(candidate));
        LocalDate today = LocalDate.now(clock);
        return indexes.ready()
                .then(queryVector(text))
                .flatMap(vector -> roles.find(new ThreeLists.Spec<>(names.boardRoles(), StoredBoardRole.class,
                        StoredBoardRole.FIELDS, roleFilter(candidate, today), skillsOffered(candidate.skills()),
                        text, ROLE_TEXT_FIELDS, vector.orElse(null)), Math.max(MIN_POOL, 2 * size)))
                .map(found -> found.values().stream()
                        .map(role -> {
                            GapCoverageScore.Scored scored = GapCoverageScore.score(new GapCoverageScore.Role(
                                    role.gapsOrEmpty(), role.regionCode(), Boolean.TRUE.equals(role.remote()),
                                    orZero(role.hoursPerMonth())), scoredCandidate);
                            return scored == null ? null
                                    : new RankedRole(role.boardRoleId(), role.organisationId(), scored.score(), scored.reasons());
                        })
                        .filter(Objects::nonNull)
                        .sorted(Comparator.comparingInt(RankedRole::score).reversed()
                                .thenComparingLong(match -> Tiebreak.of(match.roleId())))
                        .limit(size)
                        .toList());
    }

    /** Open, closing today or later; needs one of the candidate's skills; in their region, or both remote. */
    private static Query roleFilter(CandidateForMatching candidate, LocalDate today) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.term(t -> t.field("status_code").value("open")))
                .filter(f -> f.range(r -> r.date(d -> d.field("closing_date").gte(today.toString()))))
                .filter(f -> f.terms(t -> t.field("gap_codes").terms(v -> v.value(values(
                        candidate.skills().stream().map(RankedSkill::skill).distinct().toList())))));
        bool.filter(f -> f.bool(place -> {
            place.should(s -> s.term(t -> t.field("region_code").value(candidate.region() == null ? "" : candidate.region())));
            if (candidate.remote()) {
                place.should(s -> s.term(t -> t.field("remote").value(true)));
            }
            return place.minimumShouldMatch("1");
        }));
        return Query.of(q -> q.bool(bool.build()));
    }

    // ---- shared

    /** One point per gap the document meets at the level needed ({@code skill@rank}), half a point per gap skill held below it. */
    private static Query gapsMet(List<RankedSkill> gaps, String levelField, String codeField) {
        return Query.of(q -> q.bool(bool -> {
            for (RankedSkill gap : gaps) {
                bool.should(s -> s.constantScore(c -> c.boost(1f)
                        .filter(f -> f.term(t -> t.field(levelField).value(BoardDocuments.level(gap.skill(), Math.max(1, gap.rank())))))));
                bool.should(s -> s.constantScore(c -> c.boost(0.5f)
                        .filter(f -> f.term(t -> t.field(codeField).value(gap.skill())))));
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    /** The mirror of {@link #gapsMet}: a role's gap {@code skill@rank} is met by every rank up to the one offered. */
    private static Query skillsOffered(List<RankedSkill> skills) {
        return Query.of(q -> q.bool(bool -> {
            for (RankedSkill skill : skills) {
                for (int rank = 1; rank <= skill.rank(); rank++) {
                    String level = BoardDocuments.level(skill.skill(), rank);
                    bool.should(s -> s.constantScore(c -> c.boost(1f)
                            .filter(f -> f.term(t -> t.field("gap_levels").value(level)))));
                }
                bool.should(s -> s.constantScore(c -> c.boost(0.5f)
                        .filter(f -> f.term(t -> t.field("gap_codes").value(skill.skill())))));
            }
            return bool.minimumShouldMatch("1");
        }));
    }

    /** The model runs off the event loop (it is CPU work); empty when there is no text. */
    private Mono<Optional<float[]>> queryVector(String text) {
        if (text == null || text.isBlank()) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromCallable(() -> Optional.ofNullable(vectors.of(text))).subscribeOn(Schedulers.boundedElastic());
    }

    private static String cut(String text) {
        return text.length() > MAX_QUERY_CHARACTERS ? text.substring(0, MAX_QUERY_CHARACTERS) : text;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static List<FieldValue> values(Collection<String> values) {
        return new ArrayList<>(values.stream().map(FieldValue::of).toList());
    }
}
