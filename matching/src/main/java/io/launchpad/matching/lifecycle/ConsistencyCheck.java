package io.launchpad.matching.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.launchpad.matching.CandidateForMatching;
import io.launchpad.matching.ConsistencyReport;
import io.launchpad.matching.ConsistencyReport.Difference;
import io.launchpad.matching.ConsistencyReport.IndexCount;
import io.launchpad.matching.ConsistencyReport.Kind;
import io.launchpad.matching.SearchableSource;
import io.launchpad.matching.indexes.ElasticsearchConnection;
import io.launchpad.matching.indexes.IndexNames;
import io.launchpad.matching.indexes.IndexSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares ids and versions in the system of record with those behind each alias: every document
 * missing from the index, every extra one, every one whose indexed version differs. The index side
 * is read in pages with {@code search_after} on the id keyword (no scroll context to clean up); only
 * ids and versions travel, so 100k documents are a few MB. A check while writes are in flight can
 * report a difference the outbox is about to fix: run it again before acting on a stale version.
 */
final class ConsistencyCheck {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyCheck.class);
    private static final int PAGE = 5_000;

    private final ElasticsearchConnection elasticsearch;
    private final IndexSetup indexes;
    private final IndexNames names;

    ConsistencyCheck(ElasticsearchConnection elasticsearch, IndexSetup indexes, IndexNames names) {
        this.elasticsearch = elasticsearch;
        this.indexes = indexes;
        this.names = names;
    }

    private record Side(IndexCount count, List<Difference> differences) {
    }

    Mono<ConsistencyReport> run(SearchableSource source) {
        return indexes.ready()
                .then(Flux.concat(
                                Mono.defer(() -> compare(names.suppliers(), "supplier_id",
                                        source.suppliers().map(s -> Map.entry(s.id().toString(), s.version())))),
                                Mono.defer(() -> compare(names.challenges(), "challenge_id",
                                        source.challenges().map(c -> Map.entry(c.id().toString(), c.version())))),
                                // only candidates who chose to be matched belong in the index: any other is EXTRA
                                Mono.defer(() -> compare(names.candidates(), "candidate_id",
                                        source.candidates().filter(CandidateForMatching::matchable)
                                                .map(c -> Map.entry(c.id().toString(), c.version())))),
                                Mono.defer(() -> compare(names.boardRoles(), "board_role_id",
                                        source.boardRoles().map(r -> Map.entry(r.id().toString(), r.version())))))
                        .collectList())
                .map(sides -> {
                    List<Difference> all = new ArrayList<>();
                    sides.forEach(side -> all.addAll(side.differences()));
                    boolean truncated = all.size() > ConsistencyReport.MAX_LISTED;
                    return new ConsistencyReport(sides.stream().map(Side::count).toList(),
                            truncated ? all.subList(0, ConsistencyReport.MAX_LISTED) : all, truncated);
                })
                .doOnNext(report -> report.indexes().forEach(count -> log.atInfo()
                        .addKeyValue("alias", count.alias()).addKeyValue("inDatabase", count.inDatabase())
                        .addKeyValue("inIndex", count.inIndex()).addKeyValue("missing", count.missing())
                        .addKeyValue("extra", count.extra()).addKeyValue("stale", count.stale())
                        .log("Index consistency checked")));
    }

    private Mono<Side> compare(String alias, String idField, Flux<Map.Entry<String, Long>> database) {
        // searches see refreshed documents only: refresh first, or a write of the last second reads as missing
        return elasticsearch.call("refresh " + alias, client -> client.indices().refresh(refresh -> refresh.index(alias)))
                .then(database.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new))
                .flatMap(inDatabase -> indexed(alias, idField).map(inIndex -> differences(alias, inDatabase, inIndex)));
    }

    /** id → version of every document behind the alias, plus the physical index name. */
    private Mono<Indexed> indexed(String alias, String idField) {
        Indexed indexed = new Indexed(new HashMap<>(), new ArrayList<>());
        return page(alias, idField, null)
                .expand(response -> response.hits().hits().size() < PAGE ? Mono.empty()
                        : page(alias, idField, response.hits().hits().getLast().sort()))
                .doOnNext(response -> response.hits().hits().forEach(hit -> {
                    indexed.versions().put(hit.id(), hit.version());
                    if (!indexed.physical().contains(hit.index())) {
                        indexed.physical().add(hit.index());
                    }
                }))
                .then(Mono.just(indexed));
    }

    private record Indexed(Map<String, Long> versions, List<String> physical) {
    }

    private Mono<SearchResponse<Void>> page(String alias, String idField, List<FieldValue> after) {
        SearchRequest request = SearchRequest.of(search -> {
            search.index(alias).size(PAGE).version(true).source(s -> s.fetch(false))
                    .trackTotalHits(track -> track.enabled(false))
                    .sort(sort -> sort.field(field -> field.field(idField).order(SortOrder.Asc)));
            return after == null ? search : search.searchAfter(after);
        });
        return elasticsearch.call("read ids from " + alias, client -> client.search(request, Void.class));
    }

    private static Side differences(String alias, Map<String, Long> inDatabase, Indexed indexed) {
        List<Difference> differences = new ArrayList<>();
        long missing = 0;
        long stale = 0;
        long extra = 0;
        for (var row : inDatabase.entrySet()) {
            Long version = indexed.versions().get(row.getKey());
            if (version == null) {
                missing++;
                differences.add(new Difference(alias, row.getKey(), Kind.MISSING_IN_INDEX, row.getValue(), null));
            } else if (!version.equals(row.getValue())) {
                stale++;
                differences.add(new Difference(alias, row.getKey(), Kind.STALE_VERSION, row.getValue(), version));
            }
        }
        for (var document : indexed.versions().entrySet()) {
            if (!inDatabase.containsKey(document.getKey())) {
                extra++;
                differences.add(new Difference(alias, document.getKey(), Kind.EXTRA_IN_INDEX, null, document.getValue()));
            }
        }
        differences.sort(java.util.Comparator.comparing(Difference::kind).thenComparing(Difference::id));
        return new Side(new IndexCount(alias, String.join(",", indexed.physical()), inDatabase.size(),
                indexed.versions().size(), missing, extra, stale), differences);
    }
}
