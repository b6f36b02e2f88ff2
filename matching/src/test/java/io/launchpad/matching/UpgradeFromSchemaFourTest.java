package io.launchpad.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedSupplier;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schema 5 searches passage vectors flat, and Elasticsearch cannot turn a graph-indexed
 * vector field into a flat one in place. An installation whose supplier index was built
 * from schema 4 must still start (the field it already has is left alone), index new
 * profiles and judge requirements on it until a reindex. Schema 6 adds each passage's
 * compact vector ({@code passages.v}), which the start adds in place; a document written
 * before it, with dense vectors only, is still judged.
 */
@Tag("real")
class UpgradeFromSchemaFourTest {

    private static final SupplierDocument DAMP = Documents.supplier("Damp Sense",
            "Condensation alarms and humidity sensors for social landlords. We fitted 4,000 homes in Salford with them.",
            "Wireless humidity sensors\nAlerts to surveyors when a home stays damp");

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static String older;

    private static final SupplierDocument ARREARS = Documents.supplier("Ledger Lookout",
            "Rent arrears forecasting for housing income teams. We warned officers about 900 tenancies in Leeds.",
            "Arrears risk scores for every tenancy\nWeekly lists of tenants to call first");

    @BeforeAll
    static void restartOnASchemaFourIndex() throws Exception {
        db = RealComponents.freshDatabase();
        String prefix = RealComponents.uniqueIndexPrefix();
        ConfigurableApplicationContext first = MatchingApp.start(db, RealComponents.elasticsearchUrl(), prefix);
        String alias = first.getBean(IndexNames.class).suppliers();
        // what schema 4 mapped for passages: their vectors in Elasticsearch's default
        // graph (the template fills in the rest)
        older = alias + "-v1-schema4";
        String mapping = """
                {"mappings":{"_meta":{"schema_version":4},"properties":{"passages":{"type":"nested","properties":{
                "field":{"type":"keyword","index":false},"text":{"type":"text","index":false},
                "embedding":{"type":"dense_vector","dims":384,"index":true,"similarity":"cosine"},
                "text_hash":{"type":"keyword","index":false,"doc_values":false}}}}}}""";
        try {
            OlderIndexes.serveBehind(alias, older, mapping);
        }
        finally {
            first.close();
        }

        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), prefix);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        transactions.transactional(app.getBean(Outbox.class).supplierChanged(DAMP)).block();
        writtenBeforeCompactVectors(app.getBean(IndexNames.class).suppliers(), ARREARS);
    }

    /**
     * Indexes {@code supplier} as schema 5 wrote it: passages with their dense vectors
     * and no compact ones.
     */
    private static void writtenBeforeCompactVectors(String alias, SupplierDocument supplier) throws Exception {
        JsonMapper mapper = ElasticsearchConnection.documentMapper();
        ObjectNode document = mapper.valueToTree(IndexedSupplier.from(supplier));
        assertThat(document.path("passages")).isNotEmpty();
        document.path("passages").forEach(passage -> ((ObjectNode) passage).remove("v"));
        assertThat(OlderIndexes
            .send("PUT", "/" + alias + "/_doc/" + supplier.id() + "?refresh=true", mapper.writeValueAsString(document))
            .statusCode()).isEqualTo(201);
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
    void theOlderIndexKeepsItsGraphAndStillEvidencesRequirements() throws Exception {
        SupplierMatch match = onlyMatchFor("Find damp homes early", "Sensors that measure humidity", DAMP);

        assertThat(match.reasons().requirements()).singleElement().satisfies(evidence -> {
            assertThat(evidence.verdict()).isNotEqualTo(RequirementEvidence.NOT_EVIDENCED);
            assertThat(evidence.passage()).containsIgnoringCase("humidity");
        });
        String mapping = OlderIndexes.send("GET", "/" + older + "/_mapping", null).body();
        assertThat(mapping).contains("\"index_options\":{\"type\":\"bbq_hnsw\"");
        // added in place, so the profile just indexed (with compact vectors) was accepted
        assertThat(mapping).contains("\"v\":{\"type\":\"binary\"}");
    }

    @Test
    void aProfileWrittenWithoutCompactVectorsIsJudgedByItsDenseOnes() throws Exception {
        SupplierMatch match = onlyMatchFor("Collect rent before arrears grow", "Forecasts of rent arrears risk",
                ARREARS);

        assertThat(match.reasons().requirements()).singleElement().satisfies(evidence -> {
            assertThat(evidence.verdict()).isNotEqualTo(RequirementEvidence.NOT_EVIDENCED);
            assertThat(evidence.passage()).containsIgnoringCase("arrears");
        });
    }

    /** The match for {@code supplier} of a challenge with one essential requirement. */
    private static SupplierMatch onlyMatchFor(String title, String requirement, SupplierDocument supplier) {
        SupplierMatching matching = app.getBean(SupplierMatching.class);
        ChallengeDocument challenge = new ChallengeDocument(UUID.randomUUID(), UUID.randomUUID(), "Riverside Homes",
                title, "Tenants tell us too late", null, List.of(), List.of(), "published",
                LocalDate.now().plusDays(30), 1, Instant.now(), List.of(), List.of(requirement), List.of());
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .ignoreExceptions()
            .until(() -> matching.suppliersFor(challenge, 10).block().size() == 2);
        return matching.suppliersFor(challenge, 10)
            .block()
            .stream()
            .filter(match -> match.supplierId().equals(supplier.id()))
            .findFirst()
            .orElseThrow();
    }

}
