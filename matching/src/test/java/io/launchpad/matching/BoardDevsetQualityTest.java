package io.launchpad.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.launchpad.matching.BoardRanking.RankedCandidate;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The board side of the matching development set (a copy of
 * {@code ../shared/data/matching-devset}'s board files in the test resources) through the
 * module's public beans, on the real node: the whole-profile ranking must stay ahead of
 * the devset's BM25 + hard filters baseline (nDCG@10 0.622), never break a hard
 * constraint and never show a sparse profile. The held-out set is run through the API
 * separately; these floors guard against regressions, they do not prove generalisation.
 */
@Tag("real")
class BoardDevsetQualityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final double BM25_WITH_FILTERS = 0.622;

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static BoardRanking ranking;

    private static final Map<String, BoardRoleForMatching> ROLES = new LinkedHashMap<>();

    private static final Map<String, JsonNode> CANDIDATES = new LinkedHashMap<>();

    private static final Map<UUID, String> CANDIDATE_KEYS = new HashMap<>();

    private static JsonNode qrels;

    @BeforeAll
    static void indexTheDevset() {
        db = RealComponents.freshDatabase();
        String prefix = RealComponents.uniqueIndexPrefix();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), prefix);
        IndexNames names = new IndexNames(prefix);
        ranking = app.getBean(BoardRanking.class);
        BoardOutbox outbox = app.getBean(BoardOutbox.class);
        ElasticsearchConnection elasticsearch = app.getBean(ElasticsearchConnection.class);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        qrels = read("board_qrels.json");
        for (JsonNode c : read("candidates.json")) {
            CANDIDATES.put(c.get("id").asString(), c);
            CandidateForMatching candidate = candidate(c);
            CANDIDATE_KEYS.put(candidate.id(), c.get("id").asString());
            transactions.transactional(outbox.candidateChanged(candidate)).block();
        }
        for (JsonNode r : read("board_roles.json")) {
            ROLES.put(r.get("id").asString(), role(r));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            elasticsearch.call("refresh", client -> client.indices().refresh(x -> x.index(names.candidates()))).block();
            return elasticsearch.call("count", client -> client.count(x -> x.index(names.candidates())))
                .block()
                .count() == CANDIDATES.size();
        });
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.dispose();
        }
    }

    @Test
    void wholeProfileRankingBeatsKeywordsWithFiltersAndKeepsEveryRule() {
        double ndcgSum = 0;
        int constraintFailures = 0;
        int sparse = 0;
        int idealMissing = 0;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, BoardRoleForMatching> role : ROLES.entrySet()) {
            List<RankedCandidate> all = ranking.candidatesFor(role.getValue(), 50).block();
            List<String> ranked = all.stream().map(match -> CANDIDATE_KEYS.get(match.candidateId())).toList();
            List<String> top = ranked.subList(0, Math.min(10, ranked.size()));
            Map<String, Integer> grades = new HashMap<>();
            String ideal = null;
            for (JsonNode row : qrels.get("qrels").get(role.getKey())) {
                int grade = row.get("grade").asInt();
                if (grade > 0) {
                    grades.put(row.get("candidate_id").asString(), grade);
                }
                if (grade == 3) {
                    ideal = row.get("candidate_id").asString();
                }
            }
            double ndcg = ndcgAt10(top, grades);
            ndcgSum += ndcg;
            long failing = top.stream().filter(id -> !meetsRules(role.getValue(), CANDIDATES.get(id))).count();
            constraintFailures += (int) failing;
            for (JsonNode id : qrels.get("sparse_profile_candidate_ids")) {
                sparse += top.contains(id.asString()) ? 1 : 0;
            }
            idealMissing += ranked.contains(ideal) ? 0 : 1;
            lines.add(String.format(Locale.ROOT, "%s nDCG@10 %.3f ideal %s at %d; top %s", role.getKey(), ndcg, ideal,
                    ranked.indexOf(ideal) + 1, top));
        }
        double ndcg = ndcgSum / ROLES.size();
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT,
                "BOARD DEVSET nDCG@10 %.3f, constraint failures in top 10 %d, sparse in top 10 %d,"
                        + " ideal not returned %d%n",
                ndcg, constraintFailures, sparse, idealMissing);

        assertThat(constraintFailures).isZero();
        assertThat(sparse).isZero();
        assertThat(idealMissing).isZero();
        assertThat(ndcg).isGreaterThan(BM25_WITH_FILTERS);
    }

    /** The devset's rules, applied to every item (the strict variant). */
    private static boolean meetsRules(BoardRoleForMatching role, JsonNode c) {
        boolean place = switch (role.attendance()) {
            case BoardRoleForMatching.IN_PERSON -> region(c.get("region").asString()).equals(role.region());
            case BoardRoleForMatching.REMOTE -> c.get("remote_ok").asBoolean();
            default -> true;
        };
        return place && (!role.governanceRequired() || "yes".equals(c.get("governance_experience").asString()));
    }

    static double ndcgAt10(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranked.get(i), 0)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = grades.values().stream().sorted((a, b) -> b - a).limit(10).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static CandidateForMatching candidate(JsonNode c) {
        List<CandidateForMatching.FreeSkill> skills = new ArrayList<>();
        c.get("skills")
            .properties()
            .forEach(skill -> skills.add(new CandidateForMatching.FreeSkill(skill.getKey(), skill.getValue().asInt())));
        List<String> sectors = new ArrayList<>();
        c.get("sectors").forEach(sector -> sectors.add(sector.asString()));
        return new CandidateForMatching(UUID.randomUUID(), List.of(), List.of(), 0, region(c.get("region").asString()),
                c.get("remote_ok").asBoolean(), 8, "immediately", false, "matching", 1, Instant.now(),
                new CandidateForMatching.Words(c.get("headline").asString(), skills, sectors,
                        c.get("experience_summary").asString(),
                        "yes".equals(c.get("governance_experience").asString())));
    }

    private static BoardRoleForMatching role(JsonNode r) {
        List<String> gaps = new ArrayList<>();
        r.get("skills_gaps").forEach(gap -> gaps.add(gap.asString()));
        String attendance = r.get("attendance").asString().replace(' ', '-');
        return new BoardRoleForMatching(UUID.randomUUID(), UUID.randomUUID(), r.get("title").asString(),
                r.get("description").asString(), List.of(), gaps, region(r.get("region").asString()),
                !BoardRoleForMatching.IN_PERSON.equals(attendance), attendance,
                r.get("governance_experience_required").asBoolean(), 8, "open", LocalDate.now().plusDays(30), 1,
                Instant.now());
    }

    private static String region(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static JsonNode read(String file) {
        try (InputStream in = BoardDevsetQualityTest.class.getResourceAsStream("/devset-board/" + file)) {
            return JSON.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
