package io.launchpad.matching.lifecycle;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.launchpad.matching.ChallengeDocument;
import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.IndexLifecycle;
import io.launchpad.matching.Outbox;
import io.launchpad.matching.ReindexReport;
import io.launchpad.matching.ReindexReport.From;
import io.launchpad.matching.ReindexReport.RejectedDocument;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.SupplierDocument;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.testing.Documents;
import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import org.assertj.core.groups.Tuple;

/**
 * A reindex with a document Elasticsearch refuses, in the record and in the outbox's
 * replay window: it completes, leaves that document out and names it; parked rows are not
 * replayed and the consistency check counts them. The indexer is off, so the outbox rows
 * stay as the test puts them.
 */
@Tag("real")
class ReindexWithRejectedDocumentsTest {

    private RealComponents.TestDatabase db;

    private ConfigurableApplicationContext app;

    private final IndexLifecycleTest.ListSource source = new IndexLifecycleTest.ListSource();

    private IndexNames names;

    @BeforeEach
    void start() {
        db = RealComponents.freshDatabase();
        String prefix = RealComponents.uniqueIndexPrefix();
        app = new SpringApplicationBuilder(MatchingApp.class).web(WebApplicationType.NONE)
            .initializers(
                    context -> ((GenericApplicationContext) context).registerBean(SearchableSource.class, () -> source))
            .properties("spring.main.banner-mode=off", "spring.r2dbc.url=" + db.r2dbcUrl(),
                    "spring.r2dbc.username=" + db.username(), "spring.r2dbc.password=" + db.password(),
                    "launchpad.matching.elasticsearch-url=" + RealComponents.elasticsearchUrl(),
                    "launchpad.matching.index-prefix=" + prefix, "launchpad.matching.request-timeout=10s",
                    "launchpad.matching.indexer.enabled=false", "launchpad.matching.reindex-grace=100ms")
            .run();
        names = new IndexNames(prefix);
    }

    @AfterEach
    void stop() {
        app.close();
        db.dispose();
    }

    @Test
    void aRejectedRecordOrOutboxRowIsLeftOutAndReportedAndParkedRowsAreNotReplayed() {
        SupplierDocument supplier = Documents.supplier("Good Ltd", "good", "good");
        ChallengeDocument good = Documents.challenge("Good challenge", "fine", "fine");
        ChallengeDocument badRecord = closingAtTheEndOfTime(Documents.challenge("Bad record", "end of time", "poison"));
        ChallengeDocument badWrite = closingAtTheEndOfTime(Documents.challenge("Bad write", "end of time", "poison"));
        source.suppliers = List.of(supplier);
        source.challenges = List.of(good, badRecord);
        // a write inside the replay window whose document Elasticsearch refuses, still
        // pending
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        transactions.transactional(app.getBean(Outbox.class).challengeChanged(badWrite)).block();
        IndexLifecycle lifecycle = app.getBean(IndexLifecycle.class);

        ReindexReport report = lifecycle.reindex().block(Duration.ofMinutes(2));

        var challenges = report.indexes().get(1);
        assertThat(challenges.alias()).isEqualTo(names.challenges());
        assertThat(challenges.documents()).isEqualTo(1);
        assertThat(challenges.rejected()).isEqualTo(1);
        assertThat(report.replayRejected()).isEqualTo(1);
        assertThat(report.rejected()).extracting(RejectedDocument::alias, RejectedDocument::id, RejectedDocument::from)
            .containsExactly(Tuple.tuple(names.challenges(), badRecord.id().toString(), From.RECORD),
                    Tuple.tuple(names.challenges(), badWrite.id().toString(), From.OUTBOX_REPLAY));
        assertThat(report.rejected()).allSatisfy(rejected -> assertThat(rejected.error()).contains("closing_date"));
        assertThat(indexed(names.challenges(), good)).isTrue();
        assertThat(indexed(names.suppliers(), supplier)).isTrue();

        // parked (as the indexer would after max-attempts refusals): the replay no longer
        // reads it
        DatabaseClient database = app.getBean(DatabaseClient.class);
        long rowId = database
            .sql("update matching_outbox set parked_at = now(), rejections = 5 where aggregate_id = :id returning id")
            .bind("id", badWrite.id())
            .map(row -> row.get("id", Long.class))
            .one()
            .block();
        ReindexReport again = lifecycle.reindex().block(Duration.ofMinutes(2));
        assertThat(again.replayRejected()).isZero();
        assertThat(again.rejected()).extracting(RejectedDocument::id).containsExactly(badRecord.id().toString());

        ConsistencyReport consistency = lifecycle.checkConsistency().block(Duration.ofMinutes(1));
        assertThat(consistency.parkedOutboxRows()).isEqualTo(1);
        assertThat(consistency.parkedOutboxRowIds()).containsExactly(rowId);
        assertThat(consistency.consistent()).isFalse();
        assertThat(consistency.differences()).extracting(ConsistencyReport.Difference::id)
            .containsExactly(badRecord.id().toString());

        source.challenges = List.of(good);
        database.sql("delete from matching_outbox where id = :id").bind("id", rowId).fetch().rowsUpdated().block();
        assertThat(lifecycle.checkConsistency().block(Duration.ofMinutes(1)).consistent()).isTrue();
    }

    private static ChallengeDocument closingAtTheEndOfTime(ChallengeDocument challenge) {
        return new ChallengeDocument(challenge.id(), challenge.organisationId(), challenge.organisationName(),
                challenge.title(), challenge.summary(), challenge.description(), challenge.categories(),
                challenge.regions(), challenge.status(), LocalDate.MAX, challenge.version(), challenge.updatedAt(),
                challenge.requiredAccreditations());
    }

    private boolean indexed(String alias, Object document) {
        String id = document instanceof SupplierDocument s ? s.id().toString()
                : ((ChallengeDocument) document).id().toString();
        return app.getBean(ElasticsearchConnection.class)
            .call("get", client -> client.get(get -> get.index(alias).id(id), Map.class))
            .block()
            .found();
    }

}
