package io.launchpad.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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
 * Hybrid ranking in both directions, its hard filters, its reasons and faceted search, on
 * small fixed fixtures in the real Elasticsearch node, through the public beans only.
 */
@Tag("real")
class HybridMatchingTest {

    private static final SupplierDocument FUEL_POVERTY = supplier("Warm Futures",
            "Fuel poverty retrofit for social landlords. We insulate older houses so that households on low incomes "
                    + "stay warm in winter. Our surveyors plan each property and our fitters finish the work within a week.",
            "Whole-house retrofit: loft and cavity wall insulation, solar panels and energy advice for households in fuel poverty",
            List.of("north-west"), List.of("pas-2035", "trustmark"), List.of("energy-retrofit-and-fuel-poverty"));

    private static final SupplierDocument CYBER = supplier("Shield Ops", "Penetration testing and security operations",
            "Security operations centre, penetration testing and ransomware response", List.of("london"),
            List.of("cyber-essentials-plus", "iso-27001"), List.of("cyber-security"));

    private static final SupplierDocument REMOTE_CYBER = supplier("Anywhere Secure", "Remote penetration testing",
            "Penetration testing and phishing simulation delivered remotely", List.of("remote"),
            List.of("cyber-essentials"));

    private static final SupplierDocument SENSORS = supplier("Damp Sense", "Humidity sensors for social landlords",
            "Wireless sensors and telemetry that warn before condensation turns into damage", List.of("north-west"),
            List.of());

    private static final SupplierDocument EMPTY = supplier("Blank Ltd", "", "", List.of("north-west"), List.of());

    private static final ChallengeDocument OPEN_RETROFIT = challenge("Help tenants on low incomes keep warm",
            "Many of our tenants cannot heat their homes affordably", List.of("energy-retrofit-and-fuel-poverty"),
            List.of("north-west"), List.of(), LocalDate.now().plusDays(20));

    private static final ChallengeDocument CLOSED_RETROFIT = challenge("Insulation programme for older homes",
            "Loft and cavity wall insulation in fuel poverty hotspots", List.of("energy-retrofit-and-fuel-poverty"),
            List.of("north-west"), List.of(), LocalDate.now().minusDays(1));

    private static final ChallengeDocument CYBER_ESSENTIALS_PLUS = challenge("Test our defences",
            "Penetration testing of our tenant portal", List.of("cyber-security"), List.of("london"),
            List.of("cyber-essentials-plus"), LocalDate.now().plusDays(20));

    private static final ChallengeDocument CYBER_ESSENTIALS = challenge("Phishing drills for our staff",
            "Penetration testing and phishing simulation for housing officers", List.of(), List.of("london"),
            List.of("cyber-essentials"), LocalDate.now().plusDays(20));

    private static RealComponents.TestDatabase db;

    private static ConfigurableApplicationContext app;

    private static SupplierMatching suppliers;

    private static ChallengeMatching challenges;

    private static Search search;

    @BeforeAll
    static void indexFixtures() {
        db = RealComponents.freshDatabase();
        app = MatchingApp.start(db, RealComponents.elasticsearchUrl(), RealComponents.uniqueIndexPrefix());
        suppliers = app.getBean(SupplierMatching.class);
        challenges = app.getBean(ChallengeMatching.class);
        search = app.getBean(Search.class);
        Outbox outbox = app.getBean(Outbox.class);
        TransactionalOperator transactions = TransactionalOperator
            .create(app.getBean(ReactiveTransactionManager.class));
        Flux.fromIterable(List.of(FUEL_POVERTY, CYBER, REMOTE_CYBER, SENSORS, EMPTY))
            .concatMap(s -> transactions.transactional(outbox.supplierChanged(s)))
            .blockLast();
        Flux.fromIterable(List.of(OPEN_RETROFIT, CLOSED_RETROFIT, CYBER_ESSENTIALS_PLUS, CYBER_ESSENTIALS))
            .concatMap(c -> transactions.transactional(outbox.challengeChanged(c)))
            .blockLast();
        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> search.suppliers(new Search.SupplierQuery(null, null, null, null, null, 10, 0))
                .block()
                .total() == 5
                    && search.challenges(new Search.ChallengeQuery(null, null, null, 10, 0)).block().total() == 3);
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
    void hybridFindsAParaphraseThatBm25Misses() {
        // no word of it, nor of the synonyms the index adds to the profile ("heating
        // costs",
        // "warm homes" for retrofit), is in the profile
        var paraphrase = challenge("Tenants cannot afford gas and electricity, and their flats are freezing", null,
                List.of(), List.of(), List.of(), LocalDate.now().plusDays(10));

        List<SupplierMatch> bm25 = suppliers.suppliersFor(paraphrase, 10, RankingMode.BM25).block();
        List<SupplierMatch> hybrid = suppliers.suppliersFor(paraphrase, 10, RankingMode.HYBRID).block();

        assertThat(bm25).extracting(SupplierMatch::supplierId).doesNotContain(FUEL_POVERTY.id());
        assertThat(hybrid.getFirst().supplierId()).isEqualTo(FUEL_POVERTY.id());
        assertThat(hybrid.getFirst().reasons().semanticCloseness()).isGreaterThan(0.2);
        assertThat(hybrid.getFirst().reasons().closeness()).isIn("moderate", "strong");
    }

    @Test
    void reasonsExplainTheMatch() {
        SupplierMatch best = suppliers.suppliersFor(OPEN_RETROFIT, 10).block().getFirst();

        assertThat(best.supplierId()).isEqualTo(FUEL_POVERTY.id());
        assertThat(best.reasons().matchedCategories()).containsExactly("energy-retrofit-and-fuel-poverty");
        assertThat(best.reasons().regionsMet()).containsExactly("north-west");
        assertThat(best.reasons().regionsMissing()).isEmpty();
        assertThat(best.reasons().completedPilots()).isZero();
        assertThat(best.reasons().parts().taxonomy()).isEqualTo(1.0);
        assertThat(best.score()).isBetween(40, 100);
        assertThat(best.highlights()).anySatisfy(h -> assertThat(h.segments()).anyMatch(Highlight.Segment::marked));
    }

    @Test
    void categoriesAreCreditedOnlyWhenTheSupplierDeclaresThem() {
        // SENSORS' text says "condensation" and "sensors" (taxonomy words) but it
        // declares no category
        var damp = challenge("Sensors for damp and mould", "Warn before condensation turns into damage",
                List.of("damp-and-mould", "iot-and-sensors"), List.of("north-west"), List.of(),
                LocalDate.now().plusDays(10));

        SupplierMatch sensors = suppliers.suppliersFor(damp, 10)
            .block()
            .stream()
            .filter(m -> m.supplierId().equals(SENSORS.id()))
            .findFirst()
            .orElseThrow();

        assertThat(sensors.reasons().matchedCategories()).isEmpty();
        assertThat(sensors.reasons().parts().taxonomy()).isZero();
        assertThat(sensors.reasons().semanticCloseness()).isGreaterThan(0.2);
    }

    @Test
    void anEmptyProfileNeverScoresWell() {
        var anything = challenge("Repairs, damp, retrofit, sensors and security", "Anything at all", List.of(),
                List.of("north-west"), List.of(), LocalDate.now().plusDays(10));

        List<SupplierMatch> matches = suppliers.suppliersFor(anything, 10).block();

        assertThat(matches).filteredOn(m -> m.supplierId().equals(EMPTY.id()))
            .allSatisfy(m -> assertThat(m.score()).isLessThan(10));
    }

    @Test
    void regionFilterKeepsSuppliersServingTheRegionOrRemote() {
        var londonSecurity = challenge("Penetration testing", "Security testing", List.of("cyber-security"),
                List.of("london"), List.of(), LocalDate.now().plusDays(10));

        List<SupplierMatch> matches = suppliers.suppliersFor(londonSecurity, 10).block();

        assertThat(matches).extracting(SupplierMatch::supplierId)
            .contains(CYBER.id(), REMOTE_CYBER.id())
            .doesNotContain(FUEL_POVERTY.id(), SENSORS.id());
        SupplierMatch remote = matches.stream()
            .filter(m -> m.supplierId().equals(REMOTE_CYBER.id()))
            .findFirst()
            .orElseThrow();
        assertThat(remote.reasons().regionsMet()).containsExactly("remote");
    }

    @Test
    void requiredAccreditationsAreAHardFilter() {
        List<SupplierMatch> matches = suppliers.suppliersFor(CYBER_ESSENTIALS_PLUS, 10).block();

        assertThat(matches).extracting(SupplierMatch::supplierId).containsExactly(CYBER.id());
        assertThat(matches.getFirst().reasons().accreditationsMet()).containsExactly("cyber-essentials-plus");
        assertThat(matches.getFirst().reasons().accreditationsMissing()).isEmpty();
    }

    @Test
    void aBroaderAccreditationMeetsANarrowerRequirementButNotTheReverse() {
        List<SupplierMatch> matches = suppliers.suppliersFor(CYBER_ESSENTIALS, 10).block();

        // Cyber Essentials Plus (CYBER) meets a Cyber Essentials requirement; plain Cyber
        // Essentials (REMOTE_CYBER) too
        assertThat(matches).extracting(SupplierMatch::supplierId)
            .containsExactlyInAnyOrder(CYBER.id(), REMOTE_CYBER.id());
        SupplierMatch plus = matches.stream().filter(m -> m.supplierId().equals(CYBER.id())).findFirst().orElseThrow();
        assertThat(plus.reasons().accreditationsMet()).containsExactly("cyber-essentials");
        assertThat(plus.reasons().accreditationsMissing()).isEmpty();
        // the reverse does not hold: plain Cyber Essentials never meets a Cyber
        // Essentials Plus requirement
        assertThat(suppliers.suppliersFor(CYBER_ESSENTIALS_PLUS, 10).block()).extracting(SupplierMatch::supplierId)
            .doesNotContain(REMOTE_CYBER.id());
        // and from the supplier's side: a Cyber Essentials Plus holder is offered the
        // Cyber Essentials challenge
        assertThat(challenges.challengesFor(CYBER, 10).block()).extracting(ChallengeMatch::challengeId)
            .contains(CYBER_ESSENTIALS.id());
    }

    @Test
    void excludedOrganisationsAreNeverProposed() {
        List<SupplierMatch> matches = suppliers
            .suppliersFor(OPEN_RETROFIT, 10, RankingMode.HYBRID, Set.of(FUEL_POVERTY.organisationId()))
            .block();

        assertThat(matches).extracting(SupplierMatch::supplierId).isNotEmpty().doesNotContain(FUEL_POVERTY.id());
    }

    @Test
    void openChallengesAreRankedForASupplierAndClosedOnesLeftOut() {
        List<ChallengeMatch> matches = challenges.challengesFor(FUEL_POVERTY, 10).block();

        assertThat(matches).extracting(ChallengeMatch::challengeId)
            .contains(OPEN_RETROFIT.id())
            .doesNotContain(CLOSED_RETROFIT.id(), CYBER_ESSENTIALS_PLUS.id());
        assertThat(matches.getFirst().challengeId()).isEqualTo(OPEN_RETROFIT.id());
        assertThat(matches.getFirst().reasons().matchedCategories())
            .containsExactly("energy-retrofit-and-fuel-poverty");
        assertThat(matches.getFirst().score()).isGreaterThan(20);
    }

    @Test
    void aChallengeRequiringAnAccreditationTheSupplierLacksIsNotProposed() {
        assertThat(challenges.challengesFor(REMOTE_CYBER, 10).block()).extracting(ChallengeMatch::challengeId)
            .doesNotContain(CYBER_ESSENTIALS_PLUS.id());
        assertThat(challenges.challengesFor(CYBER, 10).block()).extracting(ChallengeMatch::challengeId)
            .contains(CYBER_ESSENTIALS_PLUS.id());
    }

    @Test
    void searchUsesSynonymsAndCountsEveryFacet() {
        var results = search.suppliers(new Search.SupplierQuery("mould", null, null, null, null, 10, 0)).block();

        assertThat(results.items()).extracting(Search.SupplierHit::supplierId).containsExactly(SENSORS.id());

        var iot = search.suppliers(new Search.SupplierQuery("IoT", null, null, null, null, 10, 0)).block();
        assertThat(iot.items()).extracting(Search.SupplierHit::supplierId).contains(SENSORS.id());

        var filtered = search.suppliers(new Search.SupplierQuery(null, List.of("london"), null, null, null, 10, 0))
            .block();
        assertThat(filtered.items()).extracting(Search.SupplierHit::supplierId).containsExactly(CYBER.id());
        // multi-select: the region facet counts as if no region were chosen; the others
        // within London
        assertThat(count(filtered, "region", "north-west")).isEqualTo(3);
        assertThat(count(filtered, "region", "london")).isEqualTo(1);
        assertThat(count(filtered, "accreditation", "iso-27001")).isEqualTo(1);
        assertThat(count(filtered, "accreditation", "pas-2035")).isZero();
        assertThat(filtered.facets().get("category")).extracting(Search.FacetCount::code).contains("cyber-security");
        assertThat(count(filtered, "category", "cyber-security")).isEqualTo(1);
        assertThat(filtered.facets().keySet()).containsExactly("category", "region", "accreditation", "size");
    }

    @Test
    void challengeSearchShowsOpenChallengesOnly() {
        var results = search.challenges(new Search.ChallengeQuery("insulation fuel poverty", null, null, 10, 0))
            .block();

        assertThat(results.items()).extracting(Search.ChallengeHit::challengeId)
            .contains(OPEN_RETROFIT.id())
            .doesNotContain(CLOSED_RETROFIT.id());
        var byCategory = search.challenges(new Search.ChallengeQuery(null, List.of("cyber-security"), null, 10, 0))
            .block();
        assertThat(byCategory.items()).extracting(Search.ChallengeHit::challengeId)
            .containsExactly(CYBER_ESSENTIALS_PLUS.id());
        assertThat(byCategory.facets().get("category"))
            .filteredOn(f -> f.code().equals("energy-retrofit-and-fuel-poverty"))
            .singleElement()
            .extracting(Search.FacetCount::count)
            .isEqualTo(1L);
    }

    private static long count(Search.Results<?> results, String facet, String code) {
        return results.facets()
            .get(facet)
            .stream()
            .filter(f -> f.code().equals(code))
            .findFirst()
            .orElseThrow()
            .count();
    }

    private static SupplierDocument supplier(String name, String summary, String capabilities, List<String> regions,
            List<String> accreditations) {
        return supplier(name, summary, capabilities, regions, accreditations, List.of());
    }

    private static SupplierDocument supplier(String name, String summary, String capabilities, List<String> regions,
            List<String> accreditations, List<String> declaredCategories) {
        return new SupplierDocument(UUID.randomUUID(), UUID.randomUUID(), name, summary, capabilities, null, null,
                regions, accreditations, "small", true, 1, Instant.now(), declaredCategories);
    }

    private static ChallengeDocument challenge(String title, String summary, List<String> categories,
            List<String> regions, List<String> required, LocalDate closing) {
        return new ChallengeDocument(UUID.randomUUID(), UUID.randomUUID(), "Riverside Homes", title, summary, null,
                categories, regions, "published", closing, 1, Instant.now(), required);
    }

}
