package io.launchpad.matching.ranking;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.Embeddings;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexedDocuments;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Matching a published challenge reuses the vector it was indexed with, and only at the same version. */
class StoredVectorsTest {

    private static final ChallengeDocument CHALLENGE = Documents.challenge("Cut damp and mould reports",
            "Find homes at risk of condensation before tenants report mould", "Sensors and a dashboard for surveyors",
            "damp-and-mould");

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
        elasticsearch = new ElasticsearchConnection(URI.create(RealComponents.elasticsearchUrl()), Duration.ofSeconds(10));
        stored = new StoredVectors(elasticsearch);
        TransactionalOperator transactions = TransactionalOperator.create(app.getBean(ReactiveTransactionManager.class));
        transactions.transactional(app.getBean(Outbox.class).challengeChanged(CHALLENGE)).block();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
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
        float[] vector = stored.of(index, CHALLENGE.id(), CHALLENGE.version()).block();
        float[] fresh = new Embeddings().embed(IndexedDocuments.challengeText(CHALLENGE));

        assertThat(vector).hasSize(Embeddings.DIMENSIONS);
        assertThat(Embeddings.cosine(vector, fresh)).isGreaterThan(0.999);
    }

    @Test
    void anotherVersionOrAnUnknownDocumentHasNoStoredVector() {
        assertThat(stored.of(index, CHALLENGE.id(), CHALLENGE.version() + 1).blockOptional()).isEmpty();
        assertThat(stored.of(index, UUID.randomUUID(), 1).blockOptional()).isEmpty();
        assertThat(stored.of(index, null, 1).blockOptional()).isEmpty();
    }
}
