package io.launchpad.api.supplier;

import io.launchpad.api.search.HighlightView;
import io.launchpad.api.search.MatchReasonsView;
import io.launchpad.matching.ChallengeMatch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An open challenge ranked for a supplier, as the API shows it; the contract's name for
 * it is older than this record.
 */
@Schema(name = "ChallengeMatch")
record ChallengeMatchView(UUID challengeId, UUID organisationId, @Nullable String organisationName,
        @Nullable String title, @Nullable String summary, LocalDate closingDate, int score,
        List<HighlightView> highlights, List<String> categories, List<String> regions, MatchReasonsView reasons) {

    static ChallengeMatchView of(ChallengeMatch match) {
        return new ChallengeMatchView(match.challengeId(), match.organisationId(), match.organisationName(),
                match.title(), match.summary(), match.closingDate(), match.score(),
                HighlightView.of(match.highlights()), match.categories(), match.regions(),
                MatchReasonsView.of(match.reasons()));
    }
}
