package io.launchpad.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.launchpad.matching.testing.MatchingApp;
import io.launchpad.matching.testing.RealComponents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The profile-quality cap on the real node: a keyword-stuffed profile that shares every
 * word of the challenge, and holds every accreditation, still ranks below written
 * profiles and says why.
 */
@Tag("real")
class ProfileQualityMatchingTest {

    private static final SupplierDocument STUFFED = supplier("Total Housing Everything",
            "Damp mould condensation sensors repairs alerts residents landlords ventilation humidity.",
            "Damp\nMould\nSensors\nRepairs");

    private static final SupplierDocument BARE = supplier("Coming Soon Ltd", "Coming soon.", "");

    private static final List<SupplierDocument> WRITTEN = new ArrayList<>();

    static {
        String[] topics = { "humidity sensors that warn landlords before condensation turns to mould",
                "a repairs app that lets residents report leaks and damp with a photo",
                "ventilation surveys and fitting of extractor fans in flats with condensation",
                "mould washing and treatment with follow-up visits to check it has not returned",
                "thermal imaging surveys that find cold spots where damp will form",
                "advice sessions that help residents dry laundry and heat homes without condensation",
                "a dashboard that ranks homes by damp risk from repairs history and sensor data",
                "roof and gutter repairs that stop rain getting into walls",
                "insulation upgrades that keep walls warm enough to stop condensation",
                "an out-of-hours line that books damp inspections within two days",
                "staff training on spotting damp and mould and recording it properly",
                "cleaning services for communal areas, stairwells and bin stores" };
        for (int i = 0; i < topics.length; i++) {
            WRITTEN.add(supplier("Writer " + i,
                    "We provide " + topics[i] + ". Our team works with housing associations "
                            + "across the region and reports to them every month. We have been trading for ten years.",
                    "Service for housing associations\nMonthly reporting to landlords"));
        }
    }

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static SupplierMatching matching;

    @BeforeAll
    static void index() {
        db = RealComponents.freshDatabase();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), RealComponents.uniqueIndexPrefix());
        matching = app.getBean(SupplierMatching.class);
        Outbox outbox = app.getBean(Outbox.class);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        List<SupplierDocument> all = new ArrayList<>(WRITTEN);
        all.add(STUFFED);
        all.add(BARE);
        Flux.fromIterable(all).concatMap(s -> transactions.transactional(outbox.supplierChanged(s))).blockLast();
        ChallengeDocument everything = challenge("damp mould condensation repairs residents coming soon cleaning");
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> matching.suppliersFor(everything, 50).block().size() == all.size());
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
    void aStuffedProfileNeverReachesTheTopTenAndSaysWhy() {
        ChallengeDocument damp = challenge(
                "Early warning of damp and mould: sensors, alerts for residents and repairs");

        List<SupplierMatch> top10 = matching.suppliersFor(damp, 10).block();
        List<SupplierMatch> all = matching.suppliersFor(damp, 50).block();

        assertThat(top10).hasSize(10).extracting(SupplierMatch::supplierId).doesNotContain(STUFFED.id(), BARE.id());
        SupplierMatch stuffed = all.stream().filter(m -> m.supplierId().equals(STUFFED.id())).findFirst().orElseThrow();
        assertThat(stuffed.reasons().cautions()).containsExactly(MatchReasons.LITTLE_DETAIL);
        assertThat(stuffed.reasons().parts().quality()).isLessThan(0.4);
        assertThat(stuffed.score()).isLessThan(20);
        assertThat(top10).allSatisfy(m -> assertThat(m.reasons().cautions()).isEmpty());
    }

    private static SupplierDocument supplier(String name, String summary, String capabilities) {
        return new SupplierDocument(UUID.randomUUID(), UUID.randomUUID(), name, summary, capabilities, null, null,
                List.of("remote"), List.of("cyber-essentials", "cyber-essentials-plus", "iso-27001", "iso-9001"),
                "micro", true, 1, Instant.now(),
                List.of("damp-and-mould", "iot-and-sensors", "repairs-and-maintenance"));
    }

    private static ChallengeDocument challenge(String title) {
        return new ChallengeDocument(UUID.randomUUID(), UUID.randomUUID(), "Riverside Homes", title, null, null,
                List.of("damp-and-mould"), List.of("london"), "published", LocalDate.now().plusDays(30), 1,
                Instant.now());
    }

}
