package io.launchpad.api.challenge;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.security.Caller;
import io.launchpad.matching.SupplierMatch;
import io.launchpad.matching.SupplierMatching;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/** Published suppliers ranked for a challenge; only the association that owns it (or an admin) asks. */
@RestController
class ChallengeMatchesController {

    static final int MAX_MATCHES = 50;

    record MatchesView(UUID challengeId, List<SupplierMatch> items) {
    }

    private final Challenges challenges;
    private final SupplierMatching matching;

    ChallengeMatchesController(Challenges challenges, SupplierMatching matching) {
        this.challenges = challenges;
        this.matching = matching;
    }

    @GetMapping("/api/v1/challenges/{id}/matches")
    Mono<MatchesView> matches(@PathVariable UUID id, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > MAX_MATCHES) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range",
                    "must be between 1 and " + MAX_MATCHES);
        }
        return Caller.current()
                .flatMap(caller -> challenges.readOwned(caller, id))
                .flatMap(challenge -> matching.suppliersFor(challenge.toDocument(), size))
                .map(items -> new MatchesView(id, items));
    }
}
