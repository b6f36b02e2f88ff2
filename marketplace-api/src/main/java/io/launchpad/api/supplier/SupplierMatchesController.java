package io.launchpad.api.supplier;

import io.launchpad.api.problem.ApiProblem;
import io.launchpad.api.problem.ProblemType;
import io.launchpad.api.search.ConflictsOfInterest;
import io.launchpad.api.security.Caller;
import io.launchpad.matching.ChallengeMatch;
import io.launchpad.matching.ChallengeMatching;
import io.launchpad.matching.RankingMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Open challenges ranked for a supplier, with reasons. Only the supplier's own members (or an
 * admin) ask: which challenges suit a supplier says a lot about its plans. Associations sharing a
 * member with the supplier are left out ({@link ConflictsOfInterest}).
 */
@RestController
class SupplierMatchesController {

    static final int MAX_MATCHES = 50;

    record MatchesView(UUID supplierId, String mode, List<ChallengeMatch> items) {
    }

    private final SupplierProfiles profiles;
    private final ChallengeMatching matching;
    private final ConflictsOfInterest conflicts;

    SupplierMatchesController(SupplierProfiles profiles, ChallengeMatching matching, ConflictsOfInterest conflicts) {
        this.profiles = profiles;
        this.matching = matching;
        this.conflicts = conflicts;
    }

    @GetMapping("/api/v1/suppliers/{id}/matches")
    Mono<MatchesView> matches(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String mode) {
        int size = limit == null ? 10 : limit;
        if (size < 1 || size > MAX_MATCHES) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "limit", "range",
                    "must be between 1 and " + MAX_MATCHES);
        }
        RankingMode ranking = rankingMode(mode);
        return Caller.current()
                .flatMap(caller -> profiles.readOwned(caller, id))
                .flatMap(profile -> conflicts.of(profile.organisationId())
                        .flatMap(excluded -> matching.challengesFor(profile.toDocument(), size, ranking, excluded)))
                .map(items -> new MatchesView(id, ranking.name().toLowerCase(Locale.ROOT), items));
    }

    private static RankingMode rankingMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return RankingMode.HYBRID;
        }
        try {
            return RankingMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.field(ProblemType.INVALID_PARAMETER, "mode", "one-of", "must be hybrid or bm25");
        }
    }
}
