package io.launchpad.api.demo;

import io.launchpad.api.candidate.CandidateDocument;
import io.launchpad.api.contract.ContractValidation;
import io.launchpad.api.support.BoardFixtures;
import io.launchpad.infra.stack.SharedComponents;
import io.launchpad.api.support.TestMail;
import io.launchpad.api.support.TestTokens;
import io.launchpad.infra.stack.Postgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run command's demo data, loaded at start-up as {@code ./mvnw -Prun} loads it.
 * Unlike the other API suites this context has a database and index prefix of its own:
 * the demo's published suppliers, challenges and candidates would otherwise join every
 * other suite's rankings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "launchpad.demo.enabled=true", "launchpad.matching.index-prefix=launchpad-demo-test" })
@AutoConfigureWebTestClient(timeout = "30s")
@Import(ContractValidation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("real")
class DemoDataApiTest {

    private static final String DATABASE = "launchpad_demo_test";

    private static final String CHIDI = "7b3f1c52-0d7e-4a8e-9a41-1a2b3c4d5e05";

    private static final List<String> COUNTED = List.of("organisation", "membership", "supplier_profile", "challenge",
            "board_role", "candidate_profile", "consent", "audit_entry");

    @Autowired
    WebTestClient api;

    @Autowired
    DatabaseClient db;

    @Autowired
    DemoData demoData;

    @Autowired
    DemoBoardLoader boardLoader;

    @DynamicPropertySource
    static void ownDatabaseAndIndexes(DynamicPropertyRegistry registry) {
        Postgres postgres = SharedComponents.postgres();
        var elasticsearch = SharedComponents.elasticsearch();
        createDatabase(postgres);
        String hostAndDatabase = "//127.0.0.1:" + postgres.port() + "/" + DATABASE;
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql:" + hostAndDatabase);
        registry.add("spring.r2dbc.username", postgres::username);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", () -> "jdbc:postgresql:" + hostAndDatabase);
        registry.add("spring.flyway.user", postgres::username);
        registry.add("spring.flyway.password", postgres::password);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
        registry.add("launchpad.matching.elasticsearch-url", elasticsearch::httpUrl);
        registry.add("launchpad.matching.indexer.poll-interval", () -> "200ms");
        registry.add("launchpad.matching.indexer.max-backoff", () -> "2s");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @Test
    void theDemoAssociationsHaveOpenBoardRolesClosingInTheFuture() {
        List<Map<String, Object>> roles = openRoles();
        List<String> demoTitles = DemoBoardCatalogue.roles()
            .stream()
            .map(DemoBoardCatalogue.DemoBoardRole::title)
            .toList();
        assertThat(roles).extracting(role -> role.get("title")).containsAll(demoTitles);
        for (Map<String, Object> role : roles) {
            if (demoTitles.contains(role.get("title"))) {
                assertThat(role.get("status")).isEqualTo("open");
                assertThat(LocalDate.parse((String) role.get("closingDate"))).isAfter(LocalDate.now());
                assertThat(role.get("organisationName")).isIn("Riverside Housing", "Northgate Homes");
                assertThat((List<?>) role.get("skillGaps")).isNotEmpty();
                assertThat(role.get("diversityAims")).isNotNull();
            }
        }
        // the demo candidate login creates their own profile (the README and the browser
        // journey rely on it)
        assertThat(db.sql("select count(*) as n from candidate_profile where subject = :s")
            .bind("s", CHIDI)
            .map(row -> row.get("n", Long.class))
            .one()
            .block()).isZero();
    }

    @Test
    void amaraSeesRankedDemoCandidatesForHerRoleWithoutKnowingWhoTheyAre() {
        String amara = bearer(DemoCatalogue.AMARA, "association");
        String roleId = (String) openRoles().stream()
            .filter(role -> role.get("title").equals("Digital and data trustee"))
            .findFirst()
            .orElseThrow()
            .get("id");
        // designed to pass the role's hard filters: in the North West or remote, sharing
        // one of its gaps
        List<String> expected = headlines("Priya Raman", "Daniel Okoro", "Helen Marsh", "Grace Adeyemi",
                "Sarah Lindqvist", "Rhian Price");
        String body = BoardFixtures.awaitBody(api, amara, "/api/v1/board-roles/" + roleId + "/matches?limit=50",
                found -> expected.stream().allMatch(found::contains));

        // neither a name nor an email of any demo candidate, nor an identifying field,
        // reaches the association
        for (var candidate : DemoBoardCatalogue.candidates()) {
            assertThat(body).doesNotContain(candidate.name(), candidate.email(), candidate.subject());
        }
        Map<?, ?> matches = api.get()
            .uri("/api/v1/board-roles/{id}/matches?limit=50", roleId)
            .header("Authorization", amara)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        List<Map<String, Object>> items = items(matches);
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> candidate = (Map<String, Object>) item.get("candidate");
            assertThat(candidate.keySet()).doesNotContainAnyElementsOf(CandidateDocument.IDENTIFYING_FIELDS);
        }
        // the best-covered gaps rank first, with reasons
        Map<?, ?> first = (Map<?, ?>) items.getFirst().get("candidate");
        assertThat(first.get("headline")).isEqualTo(headlines("Priya Raman").getFirst());
        assertThat(first.get("candidateId")).as("a public profile is addressable, anonymised").isNotNull();
        assertThat((Integer) items.getFirst().get("score")).isGreaterThan((Integer) items.getLast().get("score"));
        assertThat((List<?>) ((Map<?, ?>) items.getFirst().get("reasons")).get("gapsCovered")).isNotEmpty();
        Map<?, ?> matchingOnly = items.stream()
            .map(item -> (Map<?, ?>) item.get("candidate"))
            .filter(candidate -> candidate.get("headline").equals(headlines("Daniel Okoro").getFirst()))
            .findFirst()
            .orElseThrow();
        assertThat(matchingOnly.get("candidateId")).as("matching-only profiles are not addressable").isNull();
    }

    @Test
    void loadingAgainCreatesNothing() {
        Map<String, Long> before = counts();
        demoData.run(new DefaultApplicationArguments());
        DemoBoardLoader.Loaded again = boardLoader.load();
        assertThat(counts()).isEqualTo(before);
        assertThat(again).isEqualTo(new DemoBoardLoader.Loaded(0, DemoBoardCatalogue.roles().size(), 0,
                DemoBoardCatalogue.candidates().size()));
    }

    @Test
    void aStateSavedBeforeBoardRolesExistedGetsTheBoardDemoOnTheNextStart() {
        // what .launchpad/ held before the board demo: the marketplace, and no board
        // roles (one candidate
        // is removed too, as an interrupted load would leave it)
        db.sql("delete from board_role").then().block();
        String removed = DemoBoardCatalogue.candidates().getLast().subject();
        db.sql("delete from candidate_profile where subject = :s").bind("s", removed).then().block();
        long organisations = count("organisation");

        demoData.run(new DefaultApplicationArguments());

        assertThat(count("organisation")).isEqualTo(organisations);
        assertThat(count("board_role")).isEqualTo(DemoBoardCatalogue.roles().size());
        assertThat(count("candidate_profile")).isEqualTo(DemoBoardCatalogue.candidates().size());
        assertThat(openRoles()).extracting(role -> role.get("title"))
            .containsAll(DemoBoardCatalogue.roles().stream().map(DemoBoardCatalogue.DemoBoardRole::title).toList());
    }

    private List<Map<String, Object>> openRoles() {
        Map<?, ?> page = api.get()
            .uri("/api/v1/board-roles?limit=100")
            .header("Authorization", bearer(DemoCatalogue.AMARA, "association"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return items(page);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<?, ?> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> headlines(String... names) {
        List<String> wanted = List.of(names);
        return wanted.stream()
            .map(name -> DemoBoardCatalogue.candidates()
                .stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow()
                .headline())
            .toList();
    }

    private static String bearer(String subject, String role) {
        return "Bearer " + TestTokens.token(subject, List.of(role), TestTokens.issuer(), "launchpad-api");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTED.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    private long count(String table) {
        return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
    }

    private static void createDatabase(Postgres postgres) {
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                var statement = connection.createStatement()) {
            boolean exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")
                .next();
            if (!exists) {
                statement.execute("create database " + DATABASE);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the demo test database", e);
        }
    }

}
