package io.launchpad.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 * Evidence per requirement on the real node: each profile passage is embedded at index
 * time and stored nested; a challenge's requirements find each supplier's best passage,
 * quoted with a verdict, essential first.
 */
@Tag("real")
class RequirementEvidenceMatchingTest {

    private static final SupplierDocument DOORS = supplier("Doorcheck",
            "We inspect fire-resisting doorsets in blocks of flats for social landlords. Our inspectors record every "
                    + "check on a tablet and the landlord sees the results the same day. The company was founded in 2012.",
            "Fire door surveys\nIntumescent strip and self-closing device checks with a picture at each step\nDefect reports for repairs teams",
            "Northgate Homes. We surveyed 3,000 flat entrance doors in six months and cut the backlog of defects by half.");

    private static final SupplierDocument LIFTS = supplier("Liftwell",
            "We service passenger lifts in tower blocks and sheltered schemes. Engineers attend breakdowns within four hours "
                    + "and residents get a text when the lift is back. The company was founded in 2001.",
            "Lift servicing\nBreakdown call-outs\nResident text alerts", null);

    private static final ChallengeDocument FIRE_DOORS = new ChallengeDocument(UUID.randomUUID(), UUID.randomUUID(),
            "Riverside Homes", "Check our fire doors", "We must check every flat entrance door in our blocks",
            "Quarterly checks of communal fire doors and annual checks of flat entrance doors are required by law.",
            List.of(), List.of("london"), "published", LocalDate.now().plusDays(30), 1, Instant.now(), List.of(),
            List.of("Photos of seals and closers at each inspection", "Defects passed to our repairs team"),
            List.of("Works offline in basements"));

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
        Flux.fromIterable(List.of(DOORS, LIFTS))
            .concatMap(s -> transactions.transactional(outbox.supplierChanged(s)))
            .blockLast();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> matching.suppliersFor(FIRE_DOORS, 10).block().size() == 2);
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
    void eachRequirementIsJudgedInTheChallengesWordsWithTheBestPassageQuoted() {
        List<SupplierMatch> matches = matching.suppliersFor(FIRE_DOORS, 10).block();

        assertThat(matches.getFirst().supplierId()).isEqualTo(DOORS.id());
        List<RequirementEvidence> doors = matches.getFirst().reasons().requirements();
        assertThat(doors).extracting(RequirementEvidence::requirement)
            .containsExactly("Photos of seals and closers at each inspection", "Defects passed to our repairs team",
                    "Works offline in basements");
        assertThat(doors).extracting(RequirementEvidence::importance)
            .containsExactly("essential", "essential", "nice-to-have");
        RequirementEvidence photos = doors.getFirst();
        assertThat(photos.verdict()).as(doors.toString())
            .isIn(RequirementEvidence.EVIDENCED, RequirementEvidence.PARTLY_EVIDENCED);
        // quoted whole from the profile, with the field it came from
        assertThat(DOORS.summary() + "\n" + DOORS.capabilities() + "\n" + DOORS.caseStudies())
            .contains(photos.passage());
        assertThat(photos.field()).isIn("capabilities", "summary", "caseStudies");
        assertThat(doors.get(1).passage()).containsIgnoringCase("defect");

        SupplierMatch lifts = matches.get(1);
        assertThat(lifts.reasons().requirements().getFirst().support()).isLessThan(photos.support());
        assertThat(lifts.reasons().parts().requirements())
            .isLessThan(matches.getFirst().reasons().parts().requirements());
    }

    @Test
    void bm25ModeJudgesNoRequirements() {
        assertThat(matching.suppliersFor(FIRE_DOORS, 10, RankingMode.BM25).block())
            .allSatisfy(match -> assertThat(match.reasons().requirements()).isEmpty());
    }

    private static SupplierDocument supplier(String name, String summary, String capabilities, String caseStudies) {
        return new SupplierDocument(UUID.randomUUID(), UUID.randomUUID(), name, summary, capabilities, null,
                caseStudies, List.of("remote"), List.of(), "small", true, 1, Instant.now());
    }

}
