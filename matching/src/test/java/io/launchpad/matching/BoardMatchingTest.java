package io.launchpad.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.BoardRanking.RankedCandidate;
import io.launchpad.matching.BoardRanking.RankedRole;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static io.launchpad.matching.testing.BoardDocumentsForTests.candidate;
import static io.launchpad.matching.testing.BoardDocumentsForTests.experience;
import static io.launchpad.matching.testing.BoardDocumentsForTests.role;
import static io.launchpad.matching.testing.BoardDocumentsForTests.skill;
import static io.launchpad.matching.testing.BoardDocumentsForTests.withVisibility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import java.util.ArrayList;

/**
 * Board matching through the public beans, as the API uses it: documents go in through
 * the {@link BoardOutbox} in a transaction, the indexer carries them to the real
 * Elasticsearch node.
 */
@Tag("real")
class BoardMatchingTest {

    private static final List<RankedSkill> GAPS = List.of(skill("data-governance", "practitioner"),
            skill("information-security", "working"));

    private static final LocalDate IN_A_MONTH = LocalDate.now().plusDays(30);

    private static final String SUMMARY = "I have spent twelve years leading technology teams in regulated organisations."
            + " I chaired the steering group that replaced our records systems and reported to the audit committee.";

    /**
     * Covers both gaps at the level needed, in words that share nothing with the role.
     */
    private static final CandidateForMatching COVERS = words(candidate("matching", "north-east", false, 0,
            List.of(skill("data-governance", "expert"), skill("information-security", "practitioner")),
            experience("Finance director", "banking", 9)), "Finance director", List.of(), SUMMARY, false);

    /** Holds one gap skill at awareness only: a partial match. */
    private static final CandidateForMatching WORDY = words(candidate("public", "north-east", false, 20,
            List.of(skill("data-governance", "awareness"), skill("user-research", "expert")),
            experience("User research lead", "retail", 12)), "Researcher", List.of(), SUMMARY, true);

    /** No framework skill at all: the gaps are met only in their own words. */
    private static final CandidateForMatching IN_WORDS = words(candidate("matching", "north-east", false, 0, List.of()),
            "Head of information governance",
            List.of(new CandidateForMatching.FreeSkill("Records management and data protection law", 4),
                    new CandidateForMatching.FreeSkill("Protecting systems from cyber attacks", 3)),
            "I led information governance for a large public body: data protection, records retention and keeping"
                    + " our systems secure against attack. I sat on its risk committee for six years.",
            true);

    /** Lists a skill the framework puts next to a gap (not the gap itself). */
    private static final CandidateForMatching ADJACENT = words(
            candidate("matching", "north-east", false, 0, List.of(new RankedSkill("supplier-management",
                    "Supplier management", "expert", "Expert", 4, List.of("information-security")))),
            "Procurement lead", List.of(), SUMMARY, false);

    /** The same skills as COVERS and a one-word summary: little detail, so capped. */
    private static final CandidateForMatching THIN = words(candidate("matching", "north-east", true, 0, GAPS_MET()),
            "Leader", List.of(), "Digital.", true);

    private static final CandidateForMatching PRIVATE = candidate("private", "north-east", true, 10, GAPS_MET());

    private static final CandidateForMatching FAR_AWAY = words(candidate("matching", "london", false, 10, GAPS_MET()),
            "Data leader", List.of(), SUMMARY, true);

    private static final CandidateForMatching REMOTE = words(candidate("matching", "london", true, 3, GAPS_MET()),
            "Data leader", List.of(), SUMMARY, true);

    private static final CandidateForMatching TWIN_A = words(
            candidate("matching", "north-east", false, 2, List.of(skill("cyber-security", "expert"))), "Security lead",
            List.of(), SUMMARY, false);

    private static final CandidateForMatching TWIN_B = words(
            candidate("matching", "north-east", false, 2, List.of(skill("cyber-security", "expert"))), "Security lead",
            List.of(), SUMMARY, false);

    private static final List<String> GAPS_IN_WORDS = List.of("Data protection and records management");

    private static final BoardRoleForMatching HYBRID = role("open", IN_A_MONTH, "north-east", "hybrid", false, GAPS);

    private static final BoardRoleForMatching IN_PERSON = role("open", IN_A_MONTH, "north-east", "in-person", false,
            GAPS);

    private static final BoardRoleForMatching REMOTE_ONLY = role("open", IN_A_MONTH, "north-east", "remote", false,
            GAPS);

    private static final BoardRoleForMatching GOVERNANCE = role("open", IN_A_MONTH, "north-east", "hybrid", true, GAPS);

    private static final BoardRoleForMatching WORDS_ONLY = new BoardRoleForMatching(UUID.randomUUID(),
            UUID.randomUUID(), "Board member for information governance",
            "Our board needs a member who understands how we protect" + " tenants' information.", List.of(),
            GAPS_IN_WORDS, "north-east", false, "hybrid", false, 8, "open", IN_A_MONTH, 1, Instant.now());

    private static final BoardRoleForMatching CLOSED = role("closed", IN_A_MONTH, "north-east", "hybrid", false, GAPS);

    private static final BoardRoleForMatching PAST_CLOSING = role("open", LocalDate.now().minusDays(1), "north-east",
            "hybrid", false, GAPS);

    private static final BoardRoleForMatching DRAFT = role("draft", IN_A_MONTH, "north-east", "hybrid", false, GAPS);

    private static final BoardRoleForMatching ELSEWHERE = role("open", IN_A_MONTH, "south-west", "in-person", false,
            GAPS);

    private static final BoardRoleForMatching CYBER = role("open", IN_A_MONTH, "north-east", "in-person", false,
            List.of(skill("cyber-security", "practitioner")));

    private static final List<CandidateForMatching> ALL_CANDIDATES = List.of(COVERS, WORDY, IN_WORDS, ADJACENT, THIN,
            PRIVATE, FAR_AWAY, REMOTE, TWIN_A, TWIN_B);

    private static final List<BoardRoleForMatching> ALL_ROLES = List.of(HYBRID, IN_PERSON, REMOTE_ONLY, GOVERNANCE,
            WORDS_ONLY, CLOSED, PAST_CLOSING, DRAFT, ELSEWHERE, CYBER);

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static BoardRanking ranking;

    private static BoardOutbox outbox;

    private static TransactionalOperator transactions;

    private static IndexNames names;

    private static ElasticsearchConnection elasticsearch;

    private static List<RankedSkill> GAPS_MET() {
        return List.of(skill("data-governance", "expert"), skill("information-security", "expert"));
    }

    @BeforeAll
    static void startAppAndIndex() {
        db = RealComponents.freshDatabase();
        String prefix = RealComponents.uniqueIndexPrefix();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), prefix);
        names = new IndexNames(prefix);
        ranking = app.getBean(BoardRanking.class);
        outbox = app.getBean(BoardOutbox.class);
        elasticsearch = app.getBean(ElasticsearchConnection.class);
        transactions = TransactionalOperator.create(app.getBean(ReactiveTransactionManager.class));
        for (CandidateForMatching candidate : ALL_CANDIDATES) {
            transactions.transactional(outbox.candidateChanged(candidate)).block();
        }
        for (BoardRoleForMatching role : ALL_ROLES) {
            transactions.transactional(outbox.boardRoleChanged(role)).block();
        }
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .ignoreExceptions()
            .until(() -> count(names.candidates()) == ALL_CANDIDATES.size() - 1
                    && count(names.boardRoles()) == ALL_ROLES.size());
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.dispose();
        }
    }

    @Test
    void coverageOfTheGapsAtTheLevelNeededBeatsAPartialMatch() {
        List<UUID> matches = ids(ranking.candidatesFor(IN_PERSON, 20).block());

        assertThat(matches).contains(COVERS.id(), WORDY.id());
        assertThat(matches.indexOf(COVERS.id())).isLessThan(matches.indexOf(WORDY.id()));
    }

    @Test
    void pagesFollowOneAnotherWithoutRepeatsInTheOrderOfTheWholeList() {
        List<RankedCandidate> whole = ranking.candidatesFor(HYBRID, 20).block();
        assertThat(whole).hasSizeGreaterThanOrEqualTo(4);
        List<RankedCandidate> paged = new ArrayList<>();
        MatchWindow window = MatchWindow.first(2);
        List<RankedCandidate> page;
        while (!(page = ranking.candidatesFor(HYBRID, window).block()).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            paged.addAll(page);
            window = new MatchWindow(paged.size(), page.getLast().position(), 2);
        }
        // the index is small enough that every page's pool holds everyone: the pages are
        // the whole list, cut up
        assertThat(ids(paged)).isEqualTo(ids(whole));
        List<RankedRole> roles = ranking.rolesFor(REMOTE, 20).block();
        assertThat(roles).hasSizeGreaterThanOrEqualTo(2);
        List<RankedRole> afterFirst = ranking.rolesFor(REMOTE, new MatchWindow(1, roles.getFirst().position(), 20))
            .block();
        assertThat(afterFirst.stream().map(RankedRole::roleId).toList())
            .isEqualTo(roles.subList(1, roles.size()).stream().map(RankedRole::roleId).toList());
    }

    @Test
    void reasonsSayWhichGapsAreCoveredAndHowInTheRolesWords() {
        RankedCandidate covers = find(ranking.candidatesFor(IN_PERSON, 20).block(), COVERS);
        RankedCandidate wordy = find(ranking.candidatesFor(IN_PERSON, 20).block(), WORDY);

        assertThat(covers.reasons().gapsCovered()).extracting(BoardRanking.GapCoverage::skill)
            .containsExactly("data-governance", "information-security");
        assertThat(covers.reasons().gapsCovered().getFirst()).isEqualTo(new BoardRanking.GapCoverage("data-governance",
                "Data governance", "practitioner", "expert", "at-level", "Data governance (Expert)"));
        assertThat(covers.reasons().explanations()).contains(
                "Covers \u201cData governance\u201d: lists Data governance (Expert) (needed Practitioner)",
                "No governance experience stated", "Based in the role's region, as attending in person needs");
        assertThat(covers.reasons().attendance()).isEqualTo("in-person");
        assertThat(covers.reasons().parts().coverage()).isEqualTo(1.0);
        assertThat(wordy.reasons().governance()).isTrue();
        assertThat(wordy.reasons().parts().coverage()).isLessThan(1.0);
    }

    @Test
    void aCandidateWhoDescribesTheGapInTheirOwnWordsIsMatchedByMeaning() {
        List<RankedCandidate> matches = ranking.candidatesFor(WORDS_ONLY, 20).block();
        RankedCandidate inWords = find(matches, IN_WORDS);

        assertThat(inWords.reasons().gapsCovered()).singleElement().satisfies(gap -> {
            assertThat(gap.skill()).isNull();
            assertThat(gap.label()).isEqualTo("Data protection and records management");
            assertThat(gap.how()).isEqualTo("in-words");
            assertThat(gap.evidence()).isNotBlank();
        });
        // the one who wrote about it ranks above everyone who only lists unrelated
        // framework skills
        assertThat(ids(matches).indexOf(IN_WORDS.id())).isLessThan(ids(matches).indexOf(TWIN_A.id()));
        // and is found for the framework gaps too: no hard filter on exact codes
        assertThat(ids(ranking.candidatesFor(IN_PERSON, 20).block())).contains(IN_WORDS.id());
    }

    @Test
    void anAdjacentSkillIsAPartialMatchInsteadOfAnExclusion() {
        RankedCandidate adjacent = find(ranking.candidatesFor(IN_PERSON, 20).block(), ADJACENT);

        assertThat(adjacent.reasons().gapsPartlyCovered()).extracting(BoardRanking.GapCoverage::skill)
            .contains("information-security");
        assertThat(adjacent.reasons().gapsPartlyCovered()).filteredOn(gap -> "information-security".equals(gap.skill()))
            .extracting(BoardRanking.GapCoverage::how)
            .containsExactly("adjacent");
    }

    @Test
    void attendanceIsAHardFilter() {
        List<UUID> inPerson = ids(ranking.candidatesFor(IN_PERSON, 50).block());
        List<UUID> remote = ids(ranking.candidatesFor(REMOTE_ONLY, 50).block());
        List<UUID> hybrid = ids(ranking.candidatesFor(HYBRID, 50).block());

        // in person: the role's region only, however willing to work remotely
        assertThat(inPerson).contains(COVERS.id(), WORDY.id()).doesNotContain(FAR_AWAY.id(), REMOTE.id());
        // remote: only those who accept remote work, wherever they live, and not a local
        // who does not
        assertThat(remote).contains(REMOTE.id()).doesNotContain(COVERS.id(), FAR_AWAY.id(), WORDY.id());
        // hybrid: no location rule
        assertThat(hybrid).contains(COVERS.id(), FAR_AWAY.id(), REMOTE.id());
        assertThat(hybrid).doesNotContain(PRIVATE.id());
    }

    @Test
    void governanceExperienceRequiredIsAHardFilter() {
        List<UUID> matches = ids(ranking.candidatesFor(GOVERNANCE, 50).block());

        // stated in words (no years) or in years both count; neither is never agreement
        assertThat(matches).contains(IN_WORDS.id(), WORDY.id(), FAR_AWAY.id())
            .doesNotContain(COVERS.id(), ADJACENT.id());
    }

    @Test
    void aProfileWithLittleDetailIsNeverShownToABoardAndIsToldWhyItsRolesScoreLow() {
        // the same skills as REMOTE, with a one-word summary: never among a role's
        // candidates
        assertThat(ids(ranking.candidatesFor(HYBRID, 50).block())).contains(REMOTE.id()).doesNotContain(THIN.id());

        List<RankedRole> roles = ranking.rolesFor(THIN, 50).block();
        assertThat(roles).isNotEmpty().allSatisfy(role -> {
            assertThat(role.reasons().littleDetail()).isTrue();
            assertThat(role.score()).isLessThanOrEqualTo(BoardRanking.THIN_PROFILE_CAP);
            assertThat(role.reasons().explanations().getFirst()).startsWith("Profile has little detail");
        });
        RankedRole hybridForThin = roles.stream()
            .filter(role -> role.roleId().equals(HYBRID.id()))
            .findFirst()
            .orElseThrow();
        RankedRole hybridForRemote = ranking.rolesFor(REMOTE, 50)
            .block()
            .stream()
            .filter(role -> role.roleId().equals(HYBRID.id()))
            .findFirst()
            .orElseThrow();
        assertThat(hybridForRemote.score()).isGreaterThan(hybridForThin.score() + 20);
    }

    @Test
    void onlyOpenRolesBeforeTheirClosingDateTheCandidateCanAttendAreReturned() {
        List<RankedRole> roles = ranking.rolesFor(COVERS, 50).block();

        assertThat(roles).extracting(RankedRole::roleId)
            .contains(HYBRID.id(), IN_PERSON.id(), WORDS_ONLY.id(), CYBER.id())
            // not remote-capable, no governance experience, closed, past closing, draft,
            // another region
            .doesNotContain(REMOTE_ONLY.id(), GOVERNANCE.id(), CLOSED.id(), PAST_CLOSING.id(), DRAFT.id(),
                    ELSEWHERE.id());
        assertThat(roles.stream()
            .filter(role -> role.roleId().equals(IN_PERSON.id()))
            .findFirst()
            .orElseThrow()
            .reasons()
            .gapsCovered()).hasSize(2);
        assertThat(ranking.rolesFor(REMOTE, 50).block()).extracting(RankedRole::roleId)
            .contains(HYBRID.id(), REMOTE_ONLY.id(), GOVERNANCE.id())
            .doesNotContain(IN_PERSON.id(), CYBER.id());
    }

    @Test
    void equalScoresAreOrderedByRelevanceThenTheStableHashOfTheId() {
        List<RankedCandidate> matches = ranking.candidatesFor(CYBER, 50).block();
        List<RankedCandidate> twins = matches.stream()
            .filter(match -> match.candidateId().equals(TWIN_A.id()) || match.candidateId().equals(TWIN_B.id()))
            .toList();

        assertThat(twins).hasSize(2);
        assertThat(twins.get(0).score()).isEqualTo(twins.get(1).score());
        assertThat(matches.indexOf(twins.get(1)) - matches.indexOf(twins.get(0))).isEqualTo(1);
        assertThat(Tiebreak.of(twins.get(0).candidateId())).isLessThan(Tiebreak.of(twins.get(1).candidateId()));
        for (int i = 1; i < matches.size(); i++) {
            RankedCandidate before = matches.get(i - 1);
            RankedCandidate after = matches.get(i);
            assertThat(before.score()).isGreaterThanOrEqualTo(after.score());
            if (before.score() == after.score()) {
                assertThat(before.reasons().parts().relevance())
                    .isGreaterThanOrEqualTo(after.reasons().parts().relevance());
            }
        }
    }

    @Test
    void aCandidateWhoTurnsPrivateOrIsDeletedLeavesTheIndexAndTheOutbox() {
        CandidateForMatching leaving = words(candidate("public", "north-east", true, 5, GAPS_MET()), "Data leader",
                List.of(), SUMMARY, true);
        CandidateForMatching erased = words(candidate("matching", "north-east", true, 5, GAPS_MET()), "Data leader",
                List.of(), SUMMARY, true);
        transactions.transactional(outbox.candidateChanged(leaving).then(outbox.candidateChanged(erased))).block();
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> ids(ranking.candidatesFor(HYBRID, 50).block())
                .containsAll(List.of(leaving.id(), erased.id())));

        transactions
            .transactional(outbox.candidateChanged(withVisibility(leaving, "private", 2))
                .then(outbox.candidateDeleted(erased.id(), 2)))
            .block();

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !indexed(leaving.id()) && !indexed(erased.id()));
        // searches see the deletion once the index refreshes (every second)
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> !ids(ranking.candidatesFor(HYBRID, 50).block()).contains(leaving.id())
                    && !ids(ranking.candidatesFor(HYBRID, 50).block()).contains(erased.id()));
        // applied removals leave no row behind: the outbox would otherwise keep the
        // person's last trace
        await().atMost(Duration.ofSeconds(30))
            .until(() -> outboxRowsAbout(leaving.id()) == 0 && outboxRowsAbout(erased.id()) == 0);
    }

    @Test
    void aLateOlderEventDoesNotBringARemovedCandidateBack() {
        CandidateForMatching gone = candidate("matching", "north-east", true, 5, GAPS_MET());
        transactions.transactional(outbox.candidateDeleted(gone.id(), 5)).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsAbout(gone.id()) == 0);

        transactions.transactional(outbox.candidateChanged(gone)).block(); // version 1,
                                                                           // from before
                                                                           // the removal
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);

        assertThat(indexed(gone.id())).isFalse();
    }

    private static RankedCandidate find(List<RankedCandidate> matches, CandidateForMatching candidate) {
        return matches.stream()
            .filter(match -> match.candidateId().equals(candidate.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("candidate not returned"));
    }

    private static CandidateForMatching words(CandidateForMatching c, String headline,
            List<CandidateForMatching.FreeSkill> skills, String summary, boolean governance) {
        return new CandidateForMatching(c.id(), c.skills(), c.experience(), c.governanceYears(), c.region(), c.remote(),
                c.hoursPerMonth(), c.availability(), c.livedExperience(), c.visibility(), c.version(), c.updatedAt(),
                new CandidateForMatching.Words(headline, skills, List.of(), summary, governance));
    }

    private static List<UUID> ids(List<RankedCandidate> matches) {
        return matches.stream().map(RankedCandidate::candidateId).toList();
    }

    private static boolean indexed(UUID id) {
        return elasticsearch
            .call("get", client -> client.get(g -> g.index(names.candidates()).id(id.toString()), Void.class))
            .block()
            .found();
    }

    private static long count(String alias) {
        elasticsearch.call("refresh", client -> client.indices().refresh(r -> r.index(alias))).block();
        return elasticsearch.call("count", client -> client.count(c -> c.index(alias))).block().count();
    }

    private static long outboxRowsAbout(UUID id) {
        return DatabaseClient.create(db.connectionFactory())
            .sql("select count(*) as n from matching_outbox where aggregate_id = :id")
            .bind("id", id)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

    private static long pendingOutboxRows() {
        return DatabaseClient.create(db.connectionFactory())
            .sql("select count(*) as n from matching_outbox where processed_at is null")
            .map(row -> row.get("n", Long.class))
            .one()
            .blockOptional()
            .orElse(0L);
    }

}
