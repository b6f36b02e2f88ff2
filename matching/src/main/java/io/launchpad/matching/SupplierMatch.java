package io.launchpad.matching;

import java.util.List;
import java.util.UUID;

/**
 * A supplier ranked for a challenge. {@code score} is 0–100 and absolute (see {@link SupplierMatching}):
 * it does not depend on the other suppliers in the list.
 */
public record SupplierMatch(UUID supplierId, String name, String summary, int score, List<Highlight> highlights,
                            List<String> regions) {

    public SupplierMatch {
        highlights = List.copyOf(highlights);
        regions = List.copyOf(regions);
    }
}
