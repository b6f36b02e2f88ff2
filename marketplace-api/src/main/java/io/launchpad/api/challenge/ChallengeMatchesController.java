package io.launchpad.api.challenge;

import io.launchpad.api.search.ConflictsOfInterest;
import io.launchpad.api.search.MatchRequest;
import io.launchpad.api.search.MatchVerdict;
import io.launchpad.api.security.Caller;
import io.launchpad.api.observability.MatchLatency;
import io.launchpad.matching.MatchStrength;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Published suppliers ranked for a challenge, each with its score and reasons; only the
 * association that owns it (or an admin) asks. Suppliers sharing a member with the
 * association are left out ({@link ConflictsOfInterest}).
 */
@RestController
class ChallengeMatchesController {

    // named for the contract: supplier matches have a MatchesView of their own
    @Schema(name = "ChallengeMatchesView")
    record MatchesView(UUID challengeId, String mode, @Nullable MatchVerdict verdict, List<SupplierMatchView> items,
            @Nullable String nextCursor) {
    }

    private final Challenges challenges;

    private final SupplierMatching matching;

    private final ConflictsOfInterest conflicts;

    private final MatchLatency latency;

    ChallengeMatchesController(Challenges challenges, SupplierMatching matching, ConflictsOfInterest conflicts,
            MatchLatency latency) {
        this.latency = latency;
        this.challenges = challenges;
        this.matching = matching;
        this.conflicts = conflicts;
    }

    @Operation(summary = "Published suppliers ranked for your challenge")
    @GetMapping("/api/v1/challenges/{id}/matches")
    Mono<MatchesView> matches(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String cursor) {
        MatchRequest.MatchList list = new MatchRequest.MatchList("challenge-suppliers", id);
        MatchRequest request = MatchRequest.of(limit, mode, cursor, list);
        return Caller.current()
            .flatMap(caller -> challenges.readOwned(caller, id))
            .flatMap(challenge -> conflicts.of(challenge.organisationId())
                .flatMap(excluded -> matching
                    .suppliersFor(challenge.toDocument(), request.window(), request.mode(), excluded)
                    .transform(latency.of(list.name()))))
            .map(found -> request.page(found, SupplierMatch::position, list))
            .map(page -> new MatchesView(id, request.modeCode(),
                    request.verdict(page, SupplierMatch::score, MatchStrength.SUPPLIER_STRONG_SCORE, "suppliers"),
                    page.items().stream().map(SupplierMatchView::of).toList(), page.nextCursor()));
    }

}
