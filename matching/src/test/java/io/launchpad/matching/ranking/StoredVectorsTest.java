package io.launchpad.matching.ranking;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.EmbeddingModel;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.indexes.KnownVectors;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Matching a published challenge reuses the vectors it was indexed with (its own and each
 * requirement's), and only at the same version.
 */
@Tag("real")
class StoredVectorsTest {

    private static final String ESSENTIAL = "Sensors that report humidity every hour";

    private static final String NICE_TO_HAVE = "A dashboard surveyors can read on a phone";

    private static final ChallengeDocument CHALLENGE = withRequirements(Documents.challenge(
            "Cut damp and mould reports", "Find homes at risk of condensation before tenants report mould",
            "Sensors and a dashboard for surveyors", "damp-and-mould"));

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static ElasticsearchConnection elasticsearch;

    private static StoredVectors stored;

    private static String index;

    @BeforeAll
    static void indexOneChallenge() {
        db = RealComponents.freshDatabase();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), RealComponents.uniqueIndexPrefix());
        index = app.getBean(IndexNames.class).challenges();
        elasticsearch = new ElasticsearchConnection(URI.create(RealComponents.elasticsearchUrl()),
                Duration.ofSeconds(10));
        stored = new StoredVectors(elasticsearch);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        transactions.transactional(app.getBean(Outbox.class).challengeChanged(CHALLENGE)).block();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptions()
            .until(() -> stored.of(index, CHALLENGE.id(), CHALLENGE.version()).blockOptional().isPresent());
    }

    @AfterAll
    static void stop() {
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.dispose();
        }
    }

    @Test
    void theStoredVectorIsTheOneTheModelGivesForTheChallengesText() {
        float[] vector = stored.of(index, CHALLENGE.id(), CHALLENGE.version()).block().embedding();
        float[] fresh = new Embeddings().embed(IndexedDocuments.challengeText(CHALLENGE));

        assertThat(vector).hasSize(Embeddings.DIMENSIONS);
        assertThat(Embeddings.cosine(vector, fresh)).isGreaterThan(0.999);
    }

    @Test
    void eachRequirementsQueryVectorIsStoredUnderTheHashOfItsText() {
        Embeddings embeddings = new Embeddings();
        KnownVectors requirements = stored.of(index, CHALLENGE.id(), CHALLENGE.version()).block().requirements();

        for (String requirement : List.of(ESSENTIAL, NICE_TO_HAVE)) {
            float[] vector = requirements.vector(embeddings.hash(requirement, EmbeddingModel.Side.QUERY));
            assertThat(vector).as(requirement).hasSize(Embeddings.DIMENSIONS);
            // embedded in a batch with the other requirement: int8 activations are
            // quantised per batch
            assertThat(Embeddings.cosine(vector, embeddings.embed(requirement))).as(requirement).isGreaterThan(0.98);
        }
        assertThat(requirements.vector(embeddings.hash(ESSENTIAL, EmbeddingModel.Side.PASSAGE))).isNull();
        assertThat(requirements.vector(embeddings.hash("Cut damp and mould reports", EmbeddingModel.Side.QUERY)))
            .isNull();
    }

    private static ChallengeDocument withRequirements(ChallengeDocument c) {
        return new ChallengeDocument(c.id(), c.organisationId(), c.organisationName(), c.title(), c.summary(),
                c.description(), c.categories(), c.regions(), c.status(), c.closingDate(), c.version(), c.updatedAt(),
                List.of(), List.of(ESSENTIAL), List.of(NICE_TO_HAVE));
    }

    @Test
    void anotherVersionOrAnUnknownDocumentHasNoStoredVector() {
        assertThat(stored.of(index, CHALLENGE.id(), CHALLENGE.version() + 1).blockOptional()).isEmpty();
        assertThat(stored.of(index, UUID.randomUUID(), 1).blockOptional()).isEmpty();
        assertThat(stored.of(index, null, 1).blockOptional()).isEmpty();
    }

}
