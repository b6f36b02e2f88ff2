package io.launchpad.api.challenge;

import io.launchpad.api.search.HighlightView;
import io.launchpad.api.search.MatchReasonsView;
import io.launchpad.matching.SupplierMatch;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A supplier ranked for a challenge, as the API shows it; the contract's name for it is
 * older than this record.
 */
@Schema(name = "SupplierMatch")
record SupplierMatchView(UUID supplierId, @Nullable String name, @Nullable String summary, int score,
        List<HighlightView> highlights, List<String> regions, List<String> accreditations, MatchReasonsView reasons) {

    static SupplierMatchView of(SupplierMatch match) {
        return new SupplierMatchView(match.supplierId(), match.name(), match.summary(), match.score(),
                HighlightView.of(match.highlights()), match.regions(), match.accreditations(),
                MatchReasonsView.of(match.reasons()));
    }
}
