package io.launchpad.api.supplier;

import io.launchpad.api.search.ConflictsOfInterest;
import io.launchpad.api.search.MatchRequest;
import io.launchpad.api.search.MatchVerdict;
import io.launchpad.api.security.Caller;
import io.launchpad.matching.ChallengeMatch;
import io.launchpad.matching.ChallengeMatching;
import io.launchpad.api.observability.MatchLatency;
import io.launchpad.matching.MatchStrength;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * Open challenges ranked for a supplier, with reasons. Only the supplier's own members
 * (or an admin) ask: which challenges suit a supplier says a lot about its plans.
 * Associations sharing a member with the supplier are left out
 * ({@link ConflictsOfInterest}).
 */
@RestController
class SupplierMatchesController {

    record MatchesView(UUID supplierId, String mode, @Nullable MatchVerdict verdict, List<ChallengeMatchView> items,
            @Nullable String nextCursor) {
    }

    private final SupplierProfiles profiles;

    private final ChallengeMatching matching;

    private final ConflictsOfInterest conflicts;

    private final MatchLatency latency;

    SupplierMatchesController(SupplierProfiles profiles, ChallengeMatching matching, ConflictsOfInterest conflicts,
            MatchLatency latency) {
        this.latency = latency;
        this.profiles = profiles;
        this.matching = matching;
        this.conflicts = conflicts;
    }

    @GetMapping("/api/v1/suppliers/{id}/matches")
    Mono<MatchesView> matches(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String cursor) {
        MatchRequest.MatchList list = new MatchRequest.MatchList("supplier-challenges", id);
        MatchRequest request = MatchRequest.of(limit, mode, cursor, list);
        return Caller.current()
            .flatMap(caller -> profiles.readOwned(caller, id))
            .flatMap(profile -> conflicts.of(profile.organisationId())
                .flatMap(excluded -> matching
                    .challengesFor(profile.toDocument(), request.window(), request.mode(), excluded)
                    .transform(latency.of(list.name()))))
            .map(found -> request.page(found, ChallengeMatch::position, list))
            .map(page -> new MatchesView(id, request.modeCode(),
                    request.verdict(page, ChallengeMatch::score, MatchStrength.SUPPLIER_STRONG_SCORE, "challenges"),
                    page.items().stream().map(ChallengeMatchView::of).toList(), page.nextCursor()));
    }

}
