package io.launchpad.matching;

import java.time.Duration;
import java.util.Map;

import io.launchpad.infra.stack.FreePorts;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With no Elasticsearch at all, the app starts, writes succeed, and matching says it is
 * unavailable.
 */
@Tag("real")
class MatchingWithElasticsearchDownTest {

    @Test
    void appStartsWritesSucceedAndMatchingIsUnavailable() {
        RealComponents.TestDatabase db = RealComponents.freshDatabase();
        String nobodyListening = "http://127.0.0.1:" + FreePorts.pick();
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = MatchingApp.start(db, nobodyListening,
                RealComponents.uniqueIndexPrefix(), "launchpad.matching.request-timeout=1s")) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

            SupplierDocument supplier = Documents.supplier("Offline Ltd", "written while search is down", "repairs");
            TransactionalOperator transactions = TransactionalOperator
                .create(app.getBean(ReactiveTransactionManager.class));
            transactions.transactional(app.getBean(Outbox.class).supplierChanged(supplier))
                .block(Duration.ofSeconds(10));

            Map<String, Object> row = app.getBean(DatabaseClient.class)
                .sql("select aggregate_id, processed_at from matching_outbox")
                .fetch()
                .one()
                .block();
            assertThat(row).containsEntry("aggregate_id", supplier.id()).containsEntry("processed_at", null);

            SupplierMatching matching = app.getBean(SupplierMatching.class);
            var challenge = Documents.challenge("Repairs", null, null);
            assertThatThrownBy(() -> matching.suppliersFor(challenge, 10).block(Duration.ofSeconds(10)))
                .isInstanceOf(MatchingUnavailableException.class)
                .hasMessageContaining("Elasticsearch could not")
                .satisfies(e -> assertThat(((MatchingUnavailableException) e).retryAfter()).isPositive());
        }
        finally {
            db.dispose();
        }
    }

}
