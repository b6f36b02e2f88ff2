package io.launchpad.matching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.OlderIndexes;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Matching through its public beans only, as the API uses it: profiles go in through the
 * {@link Outbox} in a transaction, the auto-configured indexer carries them to
 * Elasticsearch.
 */
@Tag("real")
class SupplierMatchingTest {

    private static final SupplierDocument DAMP_SENSING = Documents.supplier("Damp Sense",
            "Condensation alarms and humidity sensors for social landlords. Residents see the readings on their phones "
                    + "and the landlord gets an alert before any damage is done. We have worked with housing associations since 2016.",
            "Wireless sensors that warn residents and landlords before condensation turns into damage; dashboards for repairs teams");

    private static final SupplierDocument PAYROLL = Documents.supplier("Ledger Payroll",
            "Payroll and accounting software for small charities",
            "Payroll runs, pension submissions and year-end accounts for finance teams");

    private static final SupplierDocument UNPUBLISHED_DAMP = unpublished(Documents.supplier("Hidden Mould Experts",
            "Mould and damp sensors", "Mould detection, damp monitoring, condensation alarms"));

    private static final SupplierDocument HTML_IN_PROFILE = Documents.supplier("Script Kiddies <b>Ltd</b>",
            "Retrofit <script>alert(1)</script> surveys", "Retrofit assessments for older homes");

    private static final SupplierDocument TWIN_A = Documents.supplier("Twin A", "Telecare pendants",
            "Telecare pendant alarms");

    private static final SupplierDocument TWIN_B = Documents.supplier("Twin B", "Telecare pendants",
            "Telecare pendant alarms");

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static SupplierMatching matching;

    @BeforeAll
    static void startAppAndIndexProfiles() {
        db = RealComponents.freshDatabase();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), RealComponents.uniqueIndexPrefix());
        matching = app.getBean(SupplierMatching.class);
        Outbox outbox = app.getBean(Outbox.class);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        List<SupplierDocument> all = List.of(DAMP_SENSING, PAYROLL, UNPUBLISHED_DAMP, HTML_IN_PROFILE, TWIN_A, TWIN_B);
        Flux.fromIterable(all)
            .concatMap(supplier -> transactions.transactional(outbox.supplierChanged(supplier)))
            .blockLast();

        // every profile mentions one of these words: once all are found, all are indexed
        // and searchable
        var everything = Documents.challenge("condensation payroll retrofit telecare", null, null);
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> matching.suppliersFor(everything, 50).block().size() == 5);
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
    void ranksARelevantSupplierAboveAnIrrelevantOneWithAbsoluteScores() {
        var challenge = Documents.challenge("Early warning of damp in our homes",
                "Use sensors to spot condensation before residents report damage",
                "Our repairs team wants sensors in homes and alerts for residents, with reports the finance team can read.",
                "Damp and mould");

        List<SupplierMatch> matches = matching.suppliersFor(challenge, 10).block();

        assertThat(matches).extracting(SupplierMatch::supplierId).startsWith(DAMP_SENSING.id()).contains(PAYROLL.id());
        SupplierMatch damp = find(matches, DAMP_SENSING.id()).orElseThrow();
        SupplierMatch payroll = find(matches, PAYROLL.id()).orElseThrow();
        assertThat(damp.score()).isBetween(50, 100);
        // it shares one incidental word ("team") with the challenge: weak on its own, not
        // just relative to the top
        assertThat(payroll.score()).isLessThan(30);
        assertThat(damp.name()).isEqualTo("Damp Sense");
        assertThat(damp.summary()).isEqualTo(DAMP_SENSING.summary());
        assertThat(damp.regions()).containsExactly("north-west");
    }

    @Test
    void highlightsMarkTheMatchedTermsPerProfileField() {
        var challenge = Documents.challenge("Humidity sensors", null, null);

        SupplierMatch damp = find(matching.suppliersFor(challenge, 10).block(), DAMP_SENSING.id()).orElseThrow();

        assertThat(damp.highlights()).extracting(Highlight::field).contains("summary", "capabilities");
        assertThat(damp.highlights()).filteredOn(h -> h.field().equals("summary"))
            .singleElement()
            .satisfies(h -> assertThat(marked(h)).contains("humidity sensors"));
    }

    @Test
    void unpublishedSuppliersAreNeverMatched() {
        var challenge = Documents.challenge("Mould detection", "Damp monitoring and mould detection", null);

        List<SupplierMatch> matches = matching.suppliersFor(challenge, 50).block();

        assertThat(matches).extracting(SupplierMatch::supplierId)
            .contains(DAMP_SENSING.id())
            .doesNotContain(UNPUBLISHED_DAMP.id());
    }

    @Test
    void mouldInAChallengeFindsASupplierThatSaysCondensation() {
        var challenge = Documents.challenge("Black mould in bathrooms", null, null);

        SupplierMatch damp = find(matching.suppliersFor(challenge, 10).block(), DAMP_SENSING.id()).orElseThrow();

        assertThat(DAMP_SENSING.toString().toLowerCase()).doesNotContain("mould");
        assertThat(damp.highlights()).anySatisfy(h -> assertThat(marked(h)).anyMatch("condensation"::equalsIgnoreCase));
    }

    @Test
    void keywordsAloneFindASupplierThatUsesASynonym() {
        var challenge = Documents.challenge("Black mould in bathrooms", null, null);

        List<SupplierMatch> keywords = matching.suppliersFor(challenge, 10, RankingMode.BM25).block();

        assertThat(keywords).extracting(SupplierMatch::supplierId).contains(DAMP_SENSING.id());
    }

    /**
     * Synonyms are expanded in the indexed text, not in the query: a query of a whole
     * challenge with synonym clauses cost several times a plain one at 100,000 suppliers
     * (docs/decisions.md).
     */
    @Test
    void synonymsAreExpandedWhenTextIsIndexedNotWhenAQueryIsAnalysed() throws Exception {
        String alias = app.getBean(IndexNames.class).suppliers();

        assertThat(tokens(alias, "housing_text", "mould")).contains("condens", "damp");
        assertThat(tokens(alias, "housing_text_search", "mould")).containsExactly("mould");
    }

    private static List<String> tokens(String index, String analyzer, String text) throws Exception {
        var response = OlderIndexes.send("POST", "/" + index + "/_analyze",
                "{\"analyzer\":\"" + analyzer + "\",\"text\":\"" + text + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        var found = new ArrayList<String>();
        JsonMapper.builder()
            .build()
            .readTree(response.body())
            .path("tokens")
            .forEach(t -> found.add(t.path("token").asString()));
        return found;
    }

    @Test
    void profileTextIsEscapedInHighlights() {
        var challenge = Documents.challenge("Retrofit surveys", null, null);

        SupplierMatch html = find(matching.suppliersFor(challenge, 10).block(), HTML_IN_PROFILE.id()).orElseThrow();

        // plain text, nothing escaped and nothing to unescape: whoever renders it escapes
        // it once
        assertThat(html.highlights()).anySatisfy(h -> assertThat(h.text()).contains("<script>"))
            .anySatisfy(h -> assertThat(marked(h)).isNotEmpty())
            .allSatisfy(h -> assertThat(h.text()).doesNotContain("&lt;", "&amp;"));
    }

    @Test
    void equalScoresAreOrderedByAStableHashOfTheSupplierId() {
        var challenge = Documents.challenge("Telecare pendant alarms", null, null);

        List<SupplierMatch> twins = matching.suppliersFor(challenge, 10)
            .block()
            .stream()
            .filter(match -> match.supplierId().equals(TWIN_A.id()) || match.supplierId().equals(TWIN_B.id()))
            .toList();

        assertThat(twins).hasSize(2);
        assertThat(twins.get(0).score()).isEqualTo(twins.get(1).score());
        UUID expectedFirst = Tiebreak.of(TWIN_A.id()) < Tiebreak.of(TWIN_B.id()) ? TWIN_A.id() : TWIN_B.id();
        assertThat(twins.get(0).supplierId()).isEqualTo(expectedFirst);
    }

    @Test
    void aChallengeWithNoTextMatchesNobody() {
        var challenge = Documents.challenge("", null, null);

        assertThat(matching.suppliersFor(challenge, 10).block()).isEmpty();
    }

    private static Optional<SupplierMatch> find(List<SupplierMatch> matches, UUID id) {
        return matches.stream().filter(match -> match.supplierId().equals(id)).findFirst();
    }

    private static SupplierDocument unpublished(SupplierDocument s) {
        return new SupplierDocument(s.id(), s.organisationId(), s.name(), s.summary(), s.capabilities(), s.products(),
                s.caseStudies(), s.regions(), s.accreditations(), s.size(), false, s.version(), s.updatedAt());
    }

    private static List<String> marked(Highlight highlight) {
        return highlight.segments().stream().filter(Highlight.Segment::marked).map(Highlight.Segment::text).toList();
    }

}
