package io.launchpad.matching;

import java.time.Duration;
import java.util.List;

import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A committed outbox row wakes the indexer through LISTEN/NOTIFY, long before the next
 * poll.
 */
@Tag("real")
class OutboxNotificationsTest {

    @Test
    void aCommittedChangeIsIndexedWithoutWaitingForThePoll() {
        RealComponents.TestDatabase db = RealComponents.freshDatabase();
        try (ConfigurableApplicationContext app = MatchingApp.start(db, RealComponents.elasticsearchUrl(),
                RealComponents.uniqueIndexPrefix(), "launchpad.matching.indexer.poll-interval=1h")) {
            SupplierMatching matching = app.getBean(SupplierMatching.class);
            var challenge = Documents.challenge("Voids turnaround", null, null);
            // the poll at start-up has run (it sets up the indexes too) once matching
            // answers at all
            await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> matching.suppliersFor(challenge, 10).block() != null);

            SupplierDocument supplier = Documents.supplier("Void Fixers", "Void property turnaround",
                    "Voids inspections");
            TransactionalOperator transactions = TransactionalOperator
                .create(app.getBean(ReactiveTransactionManager.class));
            transactions.transactional(app.getBean(Outbox.class).supplierChanged(supplier)).block();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                List<SupplierMatch> matches = matching.suppliersFor(challenge, 10).block();
                assertThat(matches).extracting(SupplierMatch::supplierId).containsExactly(supplier.id());
            });
        }
        finally {
            db.dispose();
        }
    }

}
