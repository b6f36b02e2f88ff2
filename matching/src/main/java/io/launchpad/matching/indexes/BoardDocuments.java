package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;

/**
 * Turns board documents into what the candidates and board-roles indexes store, embeddings
 * included; the outbox indexer and a full reindex both go through here. One model call per batch.
 */
public final class BoardDocuments {

    private final Embeddings embeddings;

    public BoardDocuments(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /** Only matchable candidates may be indexed: a private one here is a programming error, not data. */
    public List<IndexedCandidate> candidates(List<CandidateForMatching> candidates) {
        candidates.forEach(candidate -> {
            if (!candidate.matchable()) {
                throw new IllegalArgumentException("candidate " + candidate.id() + " is not matchable and must not be indexed");
            }
        });
        List<float[]> vectors = embeddings.embedAll(candidates.stream().map(BoardDocuments::candidateText).toList());
        List<IndexedCandidate> indexed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            CandidateForMatching c = candidates.get(i);
            indexed.add(new IndexedCandidate(c.id(), c.visibility(), codes(c.skills()), levelsUpTo(c.skills()),
                    c.skills(), c.experience(), c.governanceYears(), c.region(), c.remote(), c.hoursPerMonth(),
                    c.availability(), c.livedExperience(), c.version(), c.updatedAt(), Tiebreak.of(c.id()),
                    new IndexedCandidate.Text(skillsText(c.skills()), experienceText(c)), vectors.get(i)));
        }
        return indexed;
    }

    public List<IndexedBoardRole> boardRoles(List<BoardRoleForMatching> roles) {
        List<float[]> vectors = embeddings.embedAll(roles.stream().map(BoardDocuments::roleText).toList());
        List<IndexedBoardRole> indexed = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            BoardRoleForMatching r = roles.get(i);
            indexed.add(new IndexedBoardRole(r.id(), r.organisationId(), r.status(), r.closingDate(), codes(r.gaps()),
                    r.gaps().stream().map(gap -> level(gap.skill(), gap.rank())).toList(), r.gaps(), r.region(),
                    r.remote(), r.hoursPerMonth(), r.version(), r.updatedAt(), Tiebreak.of(r.id()),
                    new IndexedBoardRole.Text(r.title(), r.description(), skillsText(r.gaps())), vectors.get(i)));
        }
        return indexed;
    }

    /** What a candidate's embedding is made of: skills at their levels, then roles and sectors. Nothing else. */
    public static String candidateText(CandidateForMatching candidate) {
        return join(Stream.of(skillsText(candidate.skills()), experienceText(candidate)));
    }

    /** What a role's embedding (and its query embedding) is made of. */
    public static String roleText(BoardRoleForMatching role) {
        return join(Stream.of(role.title(), skillsText(role.gaps()), role.description()));
    }

    public static String skillsText(List<RankedSkill> skills) {
        return skills.stream().map(skill -> skill.skillLabel() + " (" + skill.levelLabel() + ")")
                .collect(Collectors.joining("\n"));
    }

    /** The term that says "this skill at this rank". */
    public static String level(String skill, int rank) {
        return skill + "@" + rank;
    }

    private static String experienceText(CandidateForMatching candidate) {
        return candidate.experience().stream()
                .map(e -> e.role() + " in " + e.sector() + " (" + e.years() + " years)")
                .collect(Collectors.joining("\n"));
    }

    private static List<String> codes(List<RankedSkill> skills) {
        return skills.stream().map(RankedSkill::skill).distinct().toList();
    }

    private static List<String> levelsUpTo(List<RankedSkill> skills) {
        List<String> levels = new ArrayList<>();
        for (RankedSkill skill : skills) {
            for (int rank = 1; rank <= skill.rank(); rank++) {
                levels.add(level(skill.skill(), rank));
            }
        }
        return levels;
    }

    private static String join(Stream<String> parts) {
        return parts.filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
