package io.launchpad.matching;

import java.time.Duration;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An installation upgraded from schema 1 still serves its supplier index built without
 * term vectors until someone reindexes: matches keep their highlights, never an error
 * (highlights are marked in the application, from the text, not from the index).
 */
@Tag("real")
class HighlightOnOlderIndexTest {

    private static final SupplierDocument DAMP = Documents.supplier("Damp Sense",
            "Condensation alarms and humidity sensors for social landlords", "Wireless humidity sensors");

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static SupplierMatching matching;

    @BeforeAll
    static void serveASchemaOneIndex() throws Exception {
        db = RealComponents.freshDatabase();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), RealComponents.uniqueIndexPrefix());
        matching = app.getBean(SupplierMatching.class);
        String alias = app.getBean(IndexNames.class).suppliers();

        // what schema 1 mapped: the same text fields, without term vectors
        String older = alias + "-v1-schema1";
        String text = "{\"type\":\"text\",\"analyzer\":\"housing_text\",\"search_analyzer\":\"housing_text_search\",\"term_vector\":\"no\"}";
        String mapping = "{\"mappings\":{\"properties\":{\"text\":{\"properties\":{" + "\"name\":" + text
                + ",\"summary\":" + text + ",\"capabilities\":" + text + ",\"products\":" + text + ",\"case_studies\":"
                + text + "}}}}}";
        OlderIndexes.serveBehind(alias, older, mapping);
        assertThat(OlderIndexes.send("GET", "/" + older + "/_mapping", null).body()).contains("case_studies")
            .doesNotContain("with_positions_offsets");

        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        transactions.transactional(app.getBean(Outbox.class).supplierChanged(DAMP)).block();
        var challenge = Documents.challenge("Humidity sensors", null, null);
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> matching.suppliersFor(challenge, 10).block().size() == 1);
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
    void matchesOnAnIndexWithoutTermVectorsStillCarryHighlights() {
        List<SupplierMatch> matches = matching.suppliersFor(Documents.challenge("Humidity sensors", null, null), 10)
            .block();

        assertThat(matches).singleElement()
            .satisfies(match -> assertThat(match.highlights())
                .anySatisfy(h -> assertThat(h.segments()).anyMatch(s -> s.marked() && s.text().contains("humidity"))));
    }

}
