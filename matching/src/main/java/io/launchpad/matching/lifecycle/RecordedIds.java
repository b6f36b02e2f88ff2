package io.launchpad.matching.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.indexes.IndexNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the system of record says one alias should hold, as id → version, and the keyword
 * field the index keeps the id in. Shared by the consistency check and the reconcile step
 * of a reindex, so both agree on what belongs in each index.
 */
record RecordedIds(String alias, String idField, Function<SearchableSource, Flux<Map.Entry<String, Long>>> reader) {

    /** Every alias, in the order a reindex rebuilds them. */
    static List<RecordedIds> of(IndexNames names) {
        return List.of(
                new RecordedIds(names.suppliers(), "supplier_id",
                        source -> source.suppliers().map(s -> Map.entry(s.id().toString(), s.version()))),
                new RecordedIds(names.challenges(), "challenge_id",
                        source -> source.challenges().map(c -> Map.entry(c.id().toString(), c.version()))),
                // only candidates who chose to be matched belong in the index: any other
                // is EXTRA
                new RecordedIds(names.candidates(), "candidate_id",
                        source -> source.candidates()
                            .filter(CandidateForMatching::matchable)
                            .map(c -> Map.entry(c.id().toString(), c.version()))),
                new RecordedIds(names.boardRoles(), "board_role_id",
                        source -> source.boardRoles().map(r -> Map.entry(r.id().toString(), r.version()))));
    }

    /**
     * Reads the source when subscribed, not before: callers order this read against the
     * index read.
     */
    Mono<Map<String, Long>> read(SearchableSource source) {
        return Flux.defer(() -> reader.apply(source)).collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }
}
