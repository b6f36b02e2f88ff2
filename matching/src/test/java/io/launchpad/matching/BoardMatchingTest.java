package io.launchpad.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.BoardRanking.RankedCandidate;
import io.launchpad.matching.BoardRanking.RankedRole;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.Tiebreak;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/**
 * Board matching through the public beans, as the API uses it: documents go in through the
 * {@link BoardOutbox} in a transaction, the indexer carries them to the real Elasticsearch node.
 */
class BoardMatchingTest {

    private static final List<RankedSkill> GAPS = List.of(skill("data-governance", "practitioner"),
            skill("information-security", "working"));
    private static final LocalDate IN_A_MONTH = LocalDate.now().plusDays(30);

    /** Covers both gaps at the level needed, in words that share nothing with the role. */
    private static final CandidateForMatching COVERS = candidate("matching", "north-east", false, 0,
            List.of(skill("data-governance", "expert"), skill("information-security", "practitioner")),
            experience("Finance director", "banking", 9));
    /** Says everything the role says, with twenty years on boards, but holds a gap skill at awareness only. */
    private static final CandidateForMatching WORDY = candidate("public", "north-east", false, 20,
            List.of(skill("data-governance", "awareness"), skill("user-research", "expert")),
            experience("Data governance and information security lead for digital transformation of tenant services", "housing", 12),
            experience("Board member with digital expertise", "housing", 8));
    /** The role's words without any of its gaps: not a match at all. */
    private static final CandidateForMatching NO_GAP = candidate("public", "north-east", true, 10,
            List.of(skill("user-research", "expert")),
            experience("Board member steering digital transformation of tenant services", "housing", 10));
    private static final CandidateForMatching PRIVATE = candidate("private", "north-east", true, 10, GAPS_MET());
    private static final CandidateForMatching FAR_AWAY = candidate("matching", "london", false, 10, GAPS_MET());
    private static final CandidateForMatching REMOTE = candidate("matching", "london", true, 3, GAPS_MET());
    private static final CandidateForMatching TWIN_A = candidate("matching", "north-east", false, 2,
            List.of(skill("cyber-security", "expert")));
    private static final CandidateForMatching TWIN_B = candidate("matching", "north-east", false, 2,
            List.of(skill("cyber-security", "expert")));

    private static final BoardRoleForMatching OPEN = role("open", IN_A_MONTH, "north-east", true, GAPS);
    private static final BoardRoleForMatching NOT_REMOTE = role("open", IN_A_MONTH, "north-east", false, GAPS);
    private static final BoardRoleForMatching CLOSED = role("closed", IN_A_MONTH, "north-east", true, GAPS);
    private static final BoardRoleForMatching PAST_CLOSING = role("open", LocalDate.now().minusDays(1), "north-east", true, GAPS);
    private static final BoardRoleForMatching DRAFT = role("draft", IN_A_MONTH, "north-east", true, GAPS);
    private static final BoardRoleForMatching ELSEWHERE = role("open", IN_A_MONTH, "south-west", false, GAPS);
    private static final BoardRoleForMatching CYBER = role("open", IN_A_MONTH, "north-east", false,
            List.of(skill("cyber-security", "practitioner")));

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
        for (CandidateForMatching candidate : List.of(COVERS, WORDY, NO_GAP, PRIVATE, FAR_AWAY, REMOTE, TWIN_A, TWIN_B)) {
            transactions.transactional(outbox.candidateChanged(candidate)).block();
        }
        for (BoardRoleForMatching role : List.of(OPEN, NOT_REMOTE, CLOSED, PAST_CLOSING, DRAFT, ELSEWHERE, CYBER)) {
            transactions.transactional(outbox.boardRoleChanged(role)).block();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> count(names.candidates()) == 7 && count(names.boardRoles()) == 7);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            ((ConnectionPool) db.connectionFactory()).dispose();
        }
    }

    @Test
    void coverageOfTheGapsAtTheLevelNeededBeatsMatchingWordsAndYearsOnBoards() {
        List<RankedCandidate> matches = ranking.candidatesFor(OPEN, 10).block();

        assertThat(matches).extracting(RankedCandidate::candidateId)
                .containsExactly(REMOTE.id(), COVERS.id(), WORDY.id());
        RankedCandidate covers = matches.get(1);
        RankedCandidate wordy = matches.get(2);
        // coverage 1, governance 0, location 1, time 1: 100·(0.7 + 0 + 0.1 + 0.05)
        assertThat(covers.score()).isEqualTo(85);
        // a third of one gap, twenty years (saturated), location, time: 100·(0.7·(1/3)/2 + 0.15 + 0.1 + 0.05)
        assertThat(wordy.score()).isEqualTo(42);
        assertThat(covers.score()).isGreaterThan(wordy.score());
    }

    @Test
    void reasonsSayWhichGapsAreCoveredAndHow() {
        RankedCandidate covers = ranking.candidatesFor(OPEN, 10).block().stream()
                .filter(match -> match.candidateId().equals(COVERS.id())).findFirst().orElseThrow();
        RankedCandidate wordy = ranking.candidatesFor(OPEN, 10).block().stream()
                .filter(match -> match.candidateId().equals(WORDY.id())).findFirst().orElseThrow();

        assertThat(covers.reasons().gapsCovered()).extracting(BoardRanking.GapCoverage::skill)
                .containsExactly("data-governance", "information-security");
        assertThat(covers.reasons().gapsCovered().getFirst())
                .isEqualTo(new BoardRanking.GapCoverage("data-governance", "Data governance", "practitioner", "expert"));
        assertThat(covers.reasons().explanations()).contains("Covers Data governance at Expert (needed Practitioner)",
                "No governance experience stated", "Based in the role's region", "Offers the 8 hours a month the role needs");
        assertThat(covers.reasons().location()).isEqualTo("same-region");
        assertThat(covers.reasons().parts()).isEqualTo(new BoardRanking.BoardScoreParts(1.0, 0.0, 1.0, 1.0));

        assertThat(wordy.reasons().gapsPartlyCovered()).extracting(BoardRanking.GapCoverage::offeredLevel).containsExactly("awareness");
        assertThat(wordy.reasons().gapsMissing()).extracting(BoardRanking.GapCoverage::skill).containsExactly("information-security");
        assertThat(wordy.reasons().explanations()).contains("Has Data governance at Awareness, below the Practitioner needed",
                "Does not list Information security (needed at Working)", "20 years of governance experience");
        assertThat(wordy.reasons().parts().coverage()).isEqualTo(0.167);
    }

    @Test
    void privateCandidatesFarAwayCandidatesAndCandidatesWithoutAGapAreNeverReturned() {
        List<UUID> forRemoteRole = ranking.candidatesFor(OPEN, 50).block().stream().map(RankedCandidate::candidateId).toList();
        List<UUID> forLocalRole = ranking.candidatesFor(NOT_REMOTE, 50).block().stream().map(RankedCandidate::candidateId).toList();

        assertThat(forRemoteRole).doesNotContain(PRIVATE.id(), FAR_AWAY.id(), NO_GAP.id());
        // not remote: only the role's region counts, however willing the candidate is to work remotely
        assertThat(forLocalRole).containsExactly(COVERS.id(), WORDY.id());
        RankedCandidate remote = ranking.candidatesFor(OPEN, 50).block().getFirst();
        assertThat(remote.reasons().location()).isEqualTo("remote");
    }

    @Test
    void onlyOpenRolesBeforeTheirClosingDateInReachAreReturned() {
        List<RankedRole> roles = ranking.rolesFor(COVERS, 50).block();

        assertThat(roles).extracting(RankedRole::roleId).containsExactlyInAnyOrder(OPEN.id(), NOT_REMOTE.id());
        assertThat(roles.getFirst().organisationId()).isIn(OPEN.organisationId(), NOT_REMOTE.organisationId());
        assertThat(roles.getFirst().reasons().gapsCovered()).hasSize(2);
        // remote candidates see remote roles anywhere, and local ones only in their region
        assertThat(ranking.rolesFor(REMOTE, 50).block()).extracting(RankedRole::roleId).containsExactly(OPEN.id());
        assertThat(ranking.rolesFor(NO_GAP, 50).block()).isEmpty();
    }

    @Test
    void equalScoresAreOrderedByTheStableHashOfTheId() {
        List<RankedCandidate> twins = ranking.candidatesFor(CYBER, 10).block();

        assertThat(twins).extracting(RankedCandidate::candidateId).containsExactlyInAnyOrder(TWIN_A.id(), TWIN_B.id());
        assertThat(twins.get(0).score()).isEqualTo(twins.get(1).score());
        assertThat(Tiebreak.of(twins.get(0).candidateId())).isLessThan(Tiebreak.of(twins.get(1).candidateId()));
    }

    @Test
    void aCandidateWhoTurnsPrivateOrIsDeletedLeavesTheIndexAndTheOutbox() {
        CandidateForMatching leaving = candidate("public", "north-east", true, 5, GAPS_MET());
        CandidateForMatching erased = candidate("matching", "north-east", true, 5, GAPS_MET());
        transactions.transactional(outbox.candidateChanged(leaving).then(outbox.candidateChanged(erased))).block();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids(ranking.candidatesFor(OPEN, 50).block()).containsAll(List.of(leaving.id(), erased.id())));

        transactions.transactional(outbox.candidateChanged(withVisibility(leaving, "private", 2))
                .then(outbox.candidateDeleted(erased.id(), 2))).block();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !indexed(leaving.id()) && !indexed(erased.id()));
        // searches see the deletion once the index refreshes (every second)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> !ids(ranking.candidatesFor(OPEN, 50).block()).contains(leaving.id())
                        && !ids(ranking.candidatesFor(OPEN, 50).block()).contains(erased.id()));
        // applied removals leave no row behind: the outbox would otherwise keep the person's last trace
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsAbout(leaving.id()) == 0 && outboxRowsAbout(erased.id()) == 0);
    }

    @Test
    void aLateOlderEventDoesNotBringARemovedCandidateBack() {
        CandidateForMatching gone = candidate("matching", "north-east", true, 5, GAPS_MET());
        transactions.transactional(outbox.candidateDeleted(gone.id(), 5)).block();
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsAbout(gone.id()) == 0);

        transactions.transactional(outbox.candidateChanged(gone)).block(); // version 1, from before the removal
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);

        assertThat(indexed(gone.id())).isFalse();
    }

    private static List<UUID> ids(List<RankedCandidate> matches) {
        return matches.stream().map(RankedCandidate::candidateId).toList();
    }

    private static boolean indexed(UUID id) {
        return elasticsearch.call("get", client -> client.get(g -> g.index(names.candidates()).id(id.toString()), Void.class))
                .block().found();
    }

    private static long count(String alias) {
        elasticsearch.call("refresh", client -> client.indices().refresh(r -> r.index(alias))).block();
        return elasticsearch.call("count", client -> client.count(c -> c.index(alias))).block().count();
    }

    private static long outboxRowsAbout(UUID id) {
        return DatabaseClient.create(db.connectionFactory())
                .sql("select count(*) as n from matching_outbox where aggregate_id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static long pendingOutboxRows() {
        return DatabaseClient.create(db.connectionFactory())
                .sql("select count(*) as n from matching_outbox where processed_at is null")
                .map(row -> row.get("n", Long.class)).one().blockOptional().orElse(0L);
    }
}
