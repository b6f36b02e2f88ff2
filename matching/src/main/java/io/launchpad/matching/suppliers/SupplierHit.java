package io.launchpad.matching.suppliers;

import java.util.List;
import java.util.UUID;

/** The part of an indexed supplier a match shows (the search asks only for these fields). */
record SupplierHit(UUID supplierId, List<String> regionCodes, Text text) {

    record Text(String name, String summary) {
    }
}
