package io.launchpad.api.demo;

import io.launchpad.api.challenge.ChallengeFields;
import io.launchpad.api.challenge.Challenges;
import io.launchpad.api.organisation.Organisation;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.security.Caller;
import io.launchpad.api.supplier.SupplierFields;
import io.launchpad.api.supplier.SupplierProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the demo marketplace once, and the Digital on Board demo
 * ({@link DemoBoardLoader}), through the same services the API uses, so demo records
 * reach the search index through the outbox like any other write.
 */
@Component
@ConditionalOnProperty(name = "launchpad.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Organisations organisations;

    private final SupplierProfiles suppliers;

    private final Challenges challenges;

    private final DemoBoardLoader board;

    private final Clock clock;

    DemoData(Organisations organisations, SupplierProfiles suppliers, Challenges challenges, DemoBoardLoader board,
            Clock clock) {
        this.organisations = organisations;
        this.suppliers = suppliers;
        this.challenges = challenges;
        this.board = board;
        this.clock = clock;
    }

    /**
     * The marketplace once; then the board demo, which checks for itself, so a state
     * saved before board roles existed gets it too.
     */
    @Override
    public void run(ApplicationArguments args) {
        Boolean loaded = organisations.hasMemberships(DemoCatalogue.AMARA).block();
        if (Boolean.TRUE.equals(loaded)) {
            log.info("demo marketplace already loaded; leaving it as it is");
            // a state saved before publishing needed verification: its demo organisations
            // are verified now
            Flux.fromIterable(DemoCatalogue.organisations())
                .flatMapIterable(demo -> demo.memberSubjects())
                .distinct()
                .concatMap(subject -> organisations.verifyOrganisationsOf(Caller.system(), subject))
                .blockLast();
        }
        else {
            loadMarketplace();
        }
        board.load();
    }

    private void loadMarketplace() {
        Caller system = Caller.system();
        long started = System.nanoTime();
        Map<String, UUID> organisationIds = new HashMap<>();
        var catalogueOrganisations = DemoCatalogue.organisations();
        AtomicInteger done = new AtomicInteger();
        Flux.fromIterable(catalogueOrganisations)
            // demo organisations are verified: they publish challenges and profiles
            // straight away
            .concatMap(demo -> organisations.register(system, demo.name(), OrganisationType.fromCode(demo.type()), null)
                .flatMap(registered -> organisations.verify(system, registered.id()))
                .flatMap((Organisation organisation) -> Flux.fromIterable(demo.memberSubjects())
                    .concatMap(subject -> organisations.enrol(system, organisation.id(), subject))
                    .then(Mono.just(organisation))))
            .doOnNext(organisation -> {
                organisationIds.put(organisation.name(), organisation.id());
                progress("organisations", done.incrementAndGet(), catalogueOrganisations.size());
            })
            .blockLast();

        var catalogueSuppliers = DemoCatalogue.suppliers();
        done.set(0);
        Flux.fromIterable(catalogueSuppliers)
            .concatMap(demo -> suppliers
                .create(system,
                        Objects.requireNonNull(organisationIds.get(demo.organisation()),
                                "each demo supplier belongs to a catalogue organisation"),
                        new SupplierFields(null, demo.name(), demo.summary(), demo.capabilities(), demo.products(),
                                demo.caseStudies(), demo.regions(), demo.accreditations(), demo.size()))
                .flatMap(profile -> suppliers.publish(system, profile.id(), profile.version())))
            .doOnNext(profile -> progress("supplier profiles", done.incrementAndGet(), catalogueSuppliers.size()))
            .blockLast();

        var catalogueChallenges = DemoCatalogue.challenges();
        LocalDate today = LocalDate.now(clock);
        done.set(0);
        Flux.fromIterable(catalogueChallenges)
            .concatMap(demo -> challenges
                .create(system,
                        new ChallengeFields(organisationIds.get(demo.organisation()), demo.title(), demo.summary(),
                                demo.description(), demo.categories(), demo.regions(), demo.budgetMin(),
                                demo.budgetMax(), DemoCatalogue.closingDate(demo, today),
                                // issue 4 terms: the demo briefs rely on the default
                                // weightings
                                List.of("Describe a comparable deployment in social housing"),
                                List.of("Tenant-facing materials in plain English"), null, 12, null, null, List.of()))
                .flatMap(challenge -> demo.published() ? challenges.publish(system, challenge.id(), challenge.version())
                        : Mono.just(challenge)))
            .doOnNext(challenge -> progress("challenges", done.incrementAndGet(), catalogueChallenges.size()))
            .blockLast();
        log.info("demo data loaded: {} organisations, {} supplier profiles, {} challenges in {} ms",
                catalogueOrganisations.size(), catalogueSuppliers.size(), catalogueChallenges.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void progress(String what, int done, int total) {
        if (done == total || done % 25 == 0) {
            log.info("loading demo {}: {}/{}", what, done, total);
        }
    }

}
