package io.launchpad.api.demo;

import io.launchpad.api.board.BoardRole;
import io.launchpad.api.board.BoardRoleFields;
import io.launchpad.api.board.BoardRoles;
import io.launchpad.api.candidate.CandidateFields;
import io.launchpad.api.candidate.CandidateProfiles;
import io.launchpad.api.organisation.Membership;
import io.launchpad.api.organisation.OrganisationType;
import io.launchpad.api.organisation.Organisations;
import io.launchpad.api.security.Caller;
import io.launchpad.api.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the Digital on Board demo through the services the API uses, so roles and
 * candidates reach the matching indexes through the outbox. Each item is checked on its
 * own (a role by its title at its association, a candidate by their subject), so the demo
 * also arrives in a {@code .launchpad/} state saved before board roles existed, an
 * interrupted load finishes on the next start, and a later start adds nothing.
 */
@Component
@ConditionalOnProperty(name = "launchpad.demo.enabled", havingValue = "true")
class DemoBoardLoader {

    record Loaded(int rolesCreated, int rolesPresent, int candidatesCreated, int candidatesPresent) {
    }

    private record Counted(int created, int present) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoBoardLoader.class);

    /**
     * More than the demo associations will ever have; the check only needs the demo
     * titles among them.
     */
    private static final int ROLES_CHECKED = 500;

    private final Organisations organisations;

    private final BoardRoles roles;

    private final CandidateProfiles candidates;

    private final Clock clock;

    DemoBoardLoader(Organisations organisations, BoardRoles roles, CandidateProfiles candidates, Clock clock) {
        this.organisations = organisations;
        this.roles = roles;
        this.candidates = candidates;
        this.clock = clock;
    }

    Loaded load() {
        long started = System.nanoTime();
        Counted roleCount = loadRoles();
        Counted candidateCount = loadCandidates();
        log.atInfo()
            .setMessage("demo board data ready: {} board roles and {} candidate profiles created in {} ms")
            .addArgument(roleCount.created())
            .addArgument(candidateCount.created())
            .addArgument((System.nanoTime() - started) / 1_000_000)
            .addKeyValue("boardRolesCreated", roleCount.created())
            .addKeyValue("candidatesCreated", candidateCount.created())
            .log();
        return new Loaded(roleCount.created(), roleCount.present(), candidateCount.created(), candidateCount.present());
    }

    private Counted loadRoles() {
        Caller system = Caller.system();
        Map<String, UUID> associations = demoAssociations();
        LocalDate today = LocalDate.now(clock);
        var demoRoles = DemoBoardCatalogue.roles();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        Flux.fromIterable(demoRoles).concatMap(demo -> {
            UUID organisationId = associations.get(demo.organisation());
            if (organisationId == null) {
                // someone deleted or renamed the demo association: its roles have nowhere
                // to go
                log.atWarn()
                    .setMessage("demo association missing; its board roles are not loaded")
                    .addKeyValue("organisation", demo.organisation())
                    .addKeyValue("role", demo.title())
                    .log();
                return Mono.empty();
            }
            return hasRole(system, organisationId, demo.title()).flatMap(exists -> {
                if (exists) {
                    present.incrementAndGet();
                    return Mono.empty();
                }
                return roles.create(system, fields(demo, organisationId, today))
                    .flatMap(role -> roles.publish(system, role.id(), role.version()))
                    .doOnNext(role -> created.incrementAndGet());
            });
        }).blockLast();
        return counted("board roles", created.get(), present.get(), demoRoles.size());
    }

    private Counted loadCandidates() {
        var demoCandidates = DemoBoardCatalogue.candidates();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger present = new AtomicInteger();
        Flux.fromIterable(demoCandidates)
            .concatMap(demo -> candidates.bySubject(demo.subject()).hasElement().flatMap(exists -> {
                if (exists) {
                    present.incrementAndGet();
                    return Mono.empty();
                }
                // the candidate creates their own profile, so consents are recorded for
                // them as for anyone
                return candidates.create(candidate(demo.subject()), fields(demo))
                    .doOnNext(profile -> created.incrementAndGet());
            }))
            .blockLast();
        return counted("candidate profiles", created.get(), present.get(), demoCandidates.size());
    }

    private static Counted counted(String what, int created, int present, int total) {
        log.atInfo()
            .setMessage("loading demo {}: {} created, {} already there, of {}")
            .addArgument(what)
            .addArgument(created)
            .addArgument(present)
            .addArgument(total)
            .addKeyValue("demo", what)
            .addKeyValue("created", created)
            .addKeyValue("present", present)
            .addKeyValue("total", total)
            .log();
        return new Counted(created, present);
    }

    /** The demo associations by name, found through the demo people who act for them. */
    private Map<String, UUID> demoAssociations() {
        return Objects.requireNonNull(Flux.just(DemoCatalogue.AMARA, DemoCatalogue.BEN)
            .concatMap(subject -> organisations.membershipsOf(person(subject, Caller.Role.ASSOCIATION)))
            .filter(membership -> membership.organisationType() == OrganisationType.ASSOCIATION)
            .collectMap(Membership::organisationName, Membership::organisationId)
            .block(), "collectMap always emits a map");
    }

    private Mono<Boolean> hasRole(Caller system, UUID organisationId, String title) {
        // the system caller acts for every organisation, so drafts and closed roles count
        // too
        return roles.list(system, organisationId, null, ROLES_CHECKED)
            .map(Page::items)
            .map(items -> items.stream().map(BoardRole::title).anyMatch(title::equals));
    }

    private static Caller person(String subject, Caller.Role role) {
        return new Caller(subject, null, null, null, Set.of(role));
    }

    private static Caller candidate(String subject) {
        return person(subject, Caller.Role.CANDIDATE);
    }

    private static BoardRoleFields fields(DemoBoardCatalogue.DemoBoardRole demo, UUID organisationId, LocalDate today) {
        return new BoardRoleFields(organisationId, demo.title(), demo.description(), demo.skillsMatrix(),
                demo.skillGaps(), demo.timeCommitment(), demo.hoursPerMonth(), demo.remuneration(),
                demo.remunerationDetail(), demo.region(), demo.remote(), today.plusDays(demo.closesInDays()),
                demo.diversityAims());
    }

    private static CandidateFields fields(DemoBoardCatalogue.DemoCandidate demo) {
        boolean sharesLivedExperience = demo.livedExperience() != null;
        return new CandidateFields(demo.name(), demo.email(), null, null, null, demo.headline(), demo.skills(),
                demo.experience(), demo.governanceExperience(), demo.governanceYears(), demo.livedExperience(),
                sharesLivedExperience ? Boolean.TRUE : null, demo.availability(), demo.hoursPerMonth(), demo.region(),
                demo.remote(), demo.visibility());
    }

}
