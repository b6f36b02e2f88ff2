package io.launchpad.matching.indexes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.launchpad.matching.BoardRoleForMatching;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.RankedSkill;
import io.launchpad.matching.Tiebreak;
import org.jspecify.annotations.Nullable;

/**
 * Turns board documents into what the candidates and board-roles indexes store,
 * embeddings included; the outbox indexer and a full reindex both go through here. One
 * model call per batch: the whole-profile texts and every passage are embedded together.
 */
public final class BoardDocuments {

    /**
     * Passages kept per profile or role: enough for a full profile, bounded for the index
     * and the re-rank.
     */
    public static final int MAX_PASSAGES = 32;

    /** The passage kind that carries the whole text's vector (no text of its own). */
    public static final String WHOLE = "whole";
    static final int EXPERIENCE_WORDS = 15;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Embeddings embeddings;

    public BoardDocuments(Embeddings embeddings) {
        this.embeddings = embeddings;
    }

    /**
     * Only matchable candidates may be indexed: a private one here is a programming
     * error, not data.
     */
    public List<IndexedCandidate> candidates(List<CandidateForMatching> candidates) {
        candidates.forEach(candidate -> {
            if (!candidate.matchable()) {
                throw new IllegalArgumentException(
                        "candidate " + candidate.id() + " is not matchable and must not be indexed");
            }
        });
        List<String> texts = new ArrayList<>();
        List<List<PassageText>> passages = new ArrayList<>();
        for (CandidateForMatching candidate : candidates) {
            texts.add(candidateText(candidate));
            passages.add(candidatePassages(candidate));
        }
        List<float[]> wholes = new ArrayList<>();
        List<List<IndexedCandidate.Passage>> embedded = embed(texts, passages, wholes, EmbeddingModel.Side.PASSAGE);
        List<IndexedCandidate> indexed = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            CandidateForMatching c = candidates.get(i);
            CandidateForMatching.Words w = c.words();
            indexed.add(new IndexedCandidate(c.id(), c.visibility(), codes(c.skills()), levelsUpTo(c.skills()),
                    adjacent(c.skills()), c.skills(), c.experience(), c.governanceYears(), c.hasGovernanceExperience(),
                    c.region(), c.remote(), c.hoursPerMonth(), c.availability(), c.livedExperience(), substance(c),
                    c.version(), c.updatedAt(), Tiebreak.of(c.id()),
                    new IndexedCandidate.Text(join(Stream.of(skillsText(c.skills()), freeSkillsText(w.skills()))),
                            experienceText(c), w.headline(), w.summary(), String.join("\n", w.sectors())),
                    embedded.get(i), wholes.get(i)));
        }
        return indexed;
    }

    public List<IndexedBoardRole> boardRoles(List<BoardRoleForMatching> roles) {
        List<String> texts = new ArrayList<>();
        List<List<PassageText>> passages = new ArrayList<>();
        for (BoardRoleForMatching role : roles) {
            texts.add(roleText(role));
            passages.add(gapTexts(role).stream().map(text -> new PassageText("gap", text, 0)).toList());
        }
        List<float[]> wholes = new ArrayList<>();
        // a role and its gaps are what candidates are searched for: query side, as the
        // ranker embeds them
        List<List<IndexedCandidate.Passage>> embedded = embed(texts, passages, wholes, EmbeddingModel.Side.QUERY);
        List<IndexedBoardRole> indexed = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            BoardRoleForMatching r = roles.get(i);
            indexed.add(new IndexedBoardRole(r.id(), r.organisationId(), r.status(), r.closingDate(), codes(r.gaps()),
                    r.gaps().stream().map(gap -> level(gap.skill(), gap.rank())).toList(), r.gaps(), r.gapsInWords(),
                    r.region(), r.remote(), r.attendance(), r.governanceRequired(), r.hoursPerMonth(), r.version(),
                    r.updatedAt(), Tiebreak.of(r.id()),
                    new IndexedBoardRole.Text(r.title(), r.description(), gapsText(r)), embedded.get(i),
                    wholes.get(i)));
        }
        return indexed;
    }

    /**
     * One batched model run for the whole texts and all passages; {@code wholes} receives
     * the whole-text vectors.
     */
    private List<List<IndexedCandidate.Passage>> embed(List<String> texts, List<List<PassageText>> passages,
            List<float[]> wholes, EmbeddingModel.Side side) {
        List<String> all = new ArrayList<>(texts);
        passages.forEach(list -> list.forEach(passage -> all.add(passage.text())));
        List<float[]> vectors = embeddings.embedAll(all, side);
        wholes.addAll(vectors.subList(0, texts.size()));
        List<List<IndexedCandidate.Passage>> out = new ArrayList<>();
        int next = texts.size();
        for (int i = 0; i < passages.size(); i++) {
            List<PassageText> list = passages.get(i);
            List<IndexedCandidate.Passage> embedded = new ArrayList<>();
            // the whole text's vector rides along: Elasticsearch keeps dense_vector
            // values out of _source
            if (wholes.get(i) != null) {
                embedded.add(IndexedCandidate.Passage.of(WHOLE, null, 0, wholes.get(i)));
            }
            for (PassageText passage : list) {
                float[] vector = vectors.get(next++);
                if (vector != null) {
                    embedded.add(IndexedCandidate.Passage.of(passage.kind(), passage.text(), passage.level(), vector));
                }
            }
            out.add(embedded);
        }
        return out;
    }

    public record PassageText(String kind, String text, int level) {
    }

    /**
     * The pieces a gap can be covered by: each skill (at its level), each role held, the
     * headline, each sentence, the sectors.
     */
    public static List<PassageText> candidatePassages(CandidateForMatching c) {
        List<PassageText> passages = new ArrayList<>();
        c.skills().forEach(skill -> passages.add(new PassageText("skill", skill.skillLabel(), skill.rank())));
        c.words().skills().forEach(skill -> passages.add(new PassageText("skill", skill.name(), skill.level())));
        c.experience().forEach(e -> passages.add(new PassageText("experience", e.role() + " in " + e.sector(), 0)));
        String headline = c.words().headline();
        if (headline != null && !headline.isBlank()) {
            passages.add(new PassageText("headline", headline.strip(), 0));
        }
        sentences(c.words().summary()).forEach(sentence -> passages.add(new PassageText("summary", sentence, 0)));
        if (!c.words().sectors().isEmpty()) {
            passages.add(new PassageText("sector", String.join(", ", c.words().sectors()), 0));
        }
        return passages.stream().filter(p -> present(p.text())).limit(MAX_PASSAGES).toList();
    }

    /** Each gap as people read it: the framework label, then the board's own words. */
    public static List<String> gapTexts(BoardRoleForMatching role) {
        Set<String> gaps = new LinkedHashSet<>();
        role.gaps().forEach(gap -> gaps.add(gap.skillLabel()));
        role.gapsInWords().stream().filter(BoardDocuments::present).map(String::strip).forEach(gaps::add);
        return gaps.stream().limit(MAX_PASSAGES).toList();
    }

    /**
     * How much a profile says, in words of sentences it wrote (summary) plus
     * {@link #EXPERIENCE_WORDS} for each role held it lists; a list of skill names, a
     * headline or a one-word summary adds nothing. A near-empty or keyword-only profile
     * scores near zero and is capped by the re-rank.
     */
    public static int substance(CandidateForMatching c) {
        int words = 0;
        for (String sentence : sentences(c.words().summary())) {
            int count = words(sentence);
            words += count >= 4 ? count : 0;
        }
        // a role held, with its sector and years, is structured evidence worth a full
        // sentence
        words += EXPERIENCE_WORDS * c.experience().size();
        return words;
    }

    static List<String> sentences(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Stream.of(SENTENCE_END.split(text.strip())).map(String::strip).filter(BoardDocuments::present).toList();
    }

    static int words(String text) {
        return text == null ? 0 : (int) WORD.matcher(text).results().count();
    }

    /**
     * What a candidate's embedding is made of: headline, skills at their levels, summary,
     * roles and sectors.
     */
    public static String candidateText(CandidateForMatching candidate) {
        CandidateForMatching.Words w = candidate.words();
        return join(Stream.of(w.headline(), skillsText(candidate.skills()), freeSkillsText(w.skills()), w.summary(),
                experienceText(candidate), String.join(", ", w.sectors())));
    }

    /** What a role's embedding (and its query embedding) is made of. */
    public static String roleText(BoardRoleForMatching role) {
        return join(Stream.of(role.title(), gapsText(role), role.description()));
    }

    public static String gapsText(BoardRoleForMatching role) {
        return join(Stream.of(skillsText(role.gaps()), String.join("\n", role.gapsInWords())));
    }

    public static String skillsText(List<RankedSkill> skills) {
        return skills.stream()
            .map(skill -> skill.skillLabel() + " (" + skill.levelLabel() + ")")
            .collect(Collectors.joining("\n"));
    }

    static String freeSkillsText(List<CandidateForMatching.FreeSkill> skills) {
        return skills.stream().map(CandidateForMatching.FreeSkill::name).collect(Collectors.joining("\n"));
    }

    /** The term that says "this skill at this rank". */
    public static String level(String skill, int rank) {
        return skill + "@" + rank;
    }

    private static String experienceText(CandidateForMatching candidate) {
        return candidate.experience()
            .stream()
            .map(e -> e.role() + " in " + e.sector() + " (" + e.years() + " years)")
            .collect(Collectors.joining("\n"));
    }

    private static List<String> codes(List<RankedSkill> skills) {
        return skills.stream().map(RankedSkill::skill).distinct().toList();
    }

    private static List<String> adjacent(List<RankedSkill> skills) {
        return skills.stream().flatMap(skill -> skill.adjacent().stream()).distinct().toList();
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

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    private static String join(Stream<String> parts) {
        return parts.filter(Objects::nonNull)
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining("\n"));
    }

}
